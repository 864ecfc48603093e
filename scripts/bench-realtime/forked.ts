/** The benchmark's own helper processes (load generator, relay): forked with IPC, tracked by pid. */
import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';
import { track } from './children.ts';
import type { GeneratorCommand, GeneratorReply } from './messages.ts';

const root = resolve(import.meta.dirname, '../..');

/** Forks scripts/bench-realtime/<file> and waits for its { ready: true }. */
export async function forkHelper(
  name: string,
  file: string,
  env: Record<string, string> = {},
  nodeFlags: string[] = [],
): Promise<ChildProcess> {
  const child = track(
    name,
    fork(resolve(import.meta.dirname, file), [], {
      cwd: root,
      execArgv: [...nodeFlags, '--import', 'tsx'],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    }),
  );
  // Passed on, but for the inspector's own notices (--inspect prints them on stderr).
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk
      .toString()
      .split('\n')
      .filter((line) => line && !isInspectorNotice(line))
      .join('\n');
    if (text) console.error(`[${name}] ${text}`);
  });
  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 30 s`)), 30_000);
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready`)));
    child.on('message', function onMessage(message: { ready?: boolean }) {
      if (!message.ready) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolveReady();
    });
  });
  return child;
}

export function isInspectorNotice(line: string): boolean {
  return /^(Debugger listening on|Debugger attached|Debugger ending on|For help, see:)/.test(line);
}

export interface GeneratorClient {
  child: ChildProcess;
  call<T>(command: GeneratorCommand, timeoutMs: number): Promise<T>;
}

/** Commands to the load generator, each answered (or failed) within its timeout. */
export function createGeneratorClient(child: ChildProcess): GeneratorClient {
  let nextId = 0;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  child.on('message', (reply: GeneratorReply) => {
    const waiter = waiting.get(reply.id);
    if (!waiter) return;
    waiting.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.result);
    else waiter.reject(new Error(`load generator: ${reply.error}`));
  });
  child.once('exit', (code, signal) => {
    for (const waiter of waiting.values()) waiter.reject(new Error(`the load generator exited (${code ?? signal})`));
    waiting.clear();
  });
  return {
    child,
    call<T>(command: GeneratorCommand, timeoutMs: number): Promise<T> {
      nextId += 1;
      const id = nextId;
      return new Promise<T>((resolveCall, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`load generator: ${command.cmd} took longer than ${timeoutMs / 1000} s`));
        }, timeoutMs);
        waiting.set(id, {
          resolve: (value) => {
            clearTimeout(timer);
            resolveCall(value as T);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        child.send({ id, command });
      });
    },
  };
}

/** Switches the relay between pairing and fan-out to every agent. */
export function setRelayMode(relay: ChildProcess, mode: 'paired' | 'fanout'): Promise<void> {
  return new Promise((resolveMode, reject) => {
    const timer = setTimeout(() => reject(new Error('the relay did not answer')), 5_000);
    relay.once('message', () => {
      clearTimeout(timer);
      resolveMode();
    });
    relay.send({ mode });
  });
}
