/**
 * Every process the benchmark starts, by pid, so each can be stopped on success, error, Ctrl-C or the
 * hard time limit. Only these pids are ever signalled.
 */
import type { ChildProcess } from 'node:child_process';

interface Tracked {
  name: string;
  child: ChildProcess;
  exited: Promise<void>;
}

const tracked = new Map<number, Tracked>();

/** Registers a just-started child; forgets it once it exits. */
export function track(name: string, child: ChildProcess): ChildProcess {
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${name} did not start`);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
  tracked.set(pid, { name, child, exited });
  void exited.then(() => tracked.delete(pid));
  return child;
}

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** SIGTERM (or the given signal), then SIGKILL after `graceMs`; resolves once the process has exited. */
export async function stopChild(child: ChildProcess, graceMs = 10_000, signal: NodeJS.Signals = 'SIGTERM') {
  const entry = child.pid === undefined ? undefined : tracked.get(child.pid);
  if (!entry || !isRunning(child)) return;
  child.kill(signal);
  const timer = setTimeout(() => {
    if (isRunning(child)) child.kill('SIGKILL');
  }, graceMs);
  await entry.exited;
  clearTimeout(timer);
}

/** Stops every tracked child, all in parallel (each by its own pid). */
export async function stopAllChildren(graceMs = 5_000): Promise<void> {
  await Promise.all([...tracked.values()].map(({ child }) => stopChild(child, graceMs)));
}

export function runningChildren(): string[] {
  return [...tracked.entries()].map(([pid, { name }]) => `${name} (pid ${pid})`);
}

// The last resort if the benchmark itself exits abruptly: no child outlives it.
process.once('exit', () => {
  for (const { child } of tracked.values()) if (isRunning(child)) child.kill('SIGKILL');
});
