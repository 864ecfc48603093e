/**
 * The three scenarios, driven from the parent: each step is run by the load generator while this process
 * reads the servers' CPU time and memory from /proc (the api child's process.cpuUsage is not reachable).
 */
import type { ChildProcess } from 'node:child_process';
import type { ApiProcess } from './api-process.ts';
import type { BenchDatabase } from './bench-database.ts';
import { type GeneratorClient, setRelayMode } from './forked.ts';
import { openInspector } from './inspector.ts';
import type { AgentLogin, HoldResult, LoadResult, LoadSpec, OpenResult, Target } from './messages.ts';
import { delay } from './open-socket.ts';
import type { Options } from './options.ts';
import {
  readCpuMs,
  readCpuMsByPid,
  readCpuMsOfAll,
  readMachineCpuMs,
  readRssKib,
  readWriteSyscalls,
} from './proc-stats.ts';

export interface Bench {
  options: Options;
  api: ApiProcess;
  relay: ChildProcess;
  generator: GeneratorClient;
  database: BenchDatabase;
  /** The workspace's agents (owner first), as the api's agent sockets authenticate them. */
  agentLogins: AgentLogin[];
  relayInspectPort?: number;
  /** Date.now() after which no new step starts (the run's budget, short of its hard limit). */
  deadline: number;
}

export type StepTarget = 'parley' | 'relay paired' | 'relay fan-out';

export interface StepRow {
  scenario: string;
  target: StepTarget;
  rate: number;
  result: LoadResult;
  /** CPU time of the server process (api or relay) during the step, ms. */
  serverCpuMs: number;
  /** Write syscalls of the server process during the step (each socket write is one). */
  serverWrites: number;
  /** CPU time of the Postgres backends serving the api (0 for PGlite, which runs inside the api). */
  dbCpuMs: number;
  /** CPU of everything else on the machine meanwhile (other people's tests), in cores. */
  otherCores: number;
  /** Messages that reached their recipient (v→a and a→v). */
  delivered: number;
  /** How long the step waited for the server to finish the previous step's backlog first. */
  quietWaitMs: number;
  /** The step's span on CLOCK_MONOTONIC in µs (to cut the api's CPU profile to the load steps). */
  monotonicUs: [number, number];
}

export interface IdleRow {
  target: Target;
  opened: number;
  failed: number;
  openMs: number;
  hold: HoldResult;
  /** Sockets open at the middle reading. */
  middleOpen: number;
  /** VmRSS before, with half of the sockets open, with all open after the hold; each after full collections. */
  rssKib: [number, number, number];
  /** process.memoryUsage() heapUsed + external at the same three points. */
  heapKib: [number, number, number];
  failures: string[];
}

export function serverPid(bench: Bench, target: Target): number {
  return target === 'parley' ? bench.api.pid : bench.relay.pid!;
}

/**
 * Waits (up to maxMs, and never past the run's deadline) until the api and the relay together use under 15% of
 * a core, so a step does not inherit the backlog of the one before.
 */
export async function waitUntilQuiet(bench: Bench, maxMs = 60_000): Promise<number> {
  const pids = [bench.api.pid, bench.relay.pid!];
  const started = Date.now();
  const until = Math.min(started + maxMs, bench.deadline);
  let before = readCpuMsOfAll(pids);
  while (Date.now() < until) {
    await delay(500);
    const now = readCpuMsOfAll(pids);
    if (now - before < 0.15 * 500) break;
    before = now;
  }
  return Date.now() - started;
}

export async function measureStep(
  bench: Bench,
  scenario: string,
  target: StepTarget,
  spec: LoadSpec,
): Promise<StepRow> {
  const side: Target = target === 'parley' ? 'parley' : 'relay';
  if (side === 'relay') await setRelayMode(bench.relay, target === 'relay fan-out' ? 'fanout' : 'paired');
  const quietWaitMs = await waitUntilQuiet(bench);
  const pid = serverPid(bench, side);
  // The api's pool may close idle connections and open new ones during a step: backends are matched by pid,
  // and one that appeared meanwhile counts with all its CPU time.
  const dbBefore = readCpuMsByPid(side === 'parley' ? await bench.database.backendPids() : []);
  const ours = [pid, bench.generator.child.pid!];
  const before = { server: readCpuMs(pid), writes: readWriteSyscalls(pid), ours: readCpuMsOfAll(ours) };
  const machineBefore = readMachineCpuMs();
  const startedAt = Date.now();
  const startedUs = Number(process.hrtime.bigint() / 1000n);
  const result = await bench.generator.call<LoadResult>(
    { cmd: 'load', target: side, load: spec },
    spec.durationMs + spec.drainMs + 30_000,
  );
  const wallMs = Date.now() - startedAt;
  const endedUs = Number(process.hrtime.bigint() / 1000n);
  const machineAfter = readMachineCpuMs();
  const serverCpuMs = readCpuMs(pid) - before.server;
  const serverWrites = readWriteSyscalls(pid) - before.writes;
  let dbCpuMs = 0;
  const dbAfter = readCpuMsByPid(side === 'parley' ? await bench.database.backendPids() : []);
  for (const [backend, ms] of dbAfter) dbCpuMs += ms - (dbBefore.get(backend) ?? 0);
  const oursMs = readCpuMsOfAll(ours) - before.ours + dbCpuMs;
  return {
    scenario,
    target,
    rate: spec.rate,
    result,
    serverCpuMs,
    serverWrites,
    dbCpuMs,
    otherCores: Math.max(0, machineAfter.busy - machineBefore.busy - oursMs) / wallMs,
    delivered: result.visitorToAgent.n + result.agentToVisitor.n,
    quietWaitMs,
    monotonicUs: [startedUs, endedUs],
  };
}

/** Scenario (c): the server's RSS before and after `idle` visitor sockets have opened, said hello and idled. */
export async function measureIdle(bench: Bench, target: Target): Promise<IdleRow> {
  const { options, generator } = bench;
  const budget = () => Math.max(5_000, Math.min(150_000, bench.deadline - Date.now() - 60_000));
  if (target === 'parley') {
    const sessions = await generator.call<OpenResult>(
      { cmd: 'createSessions', count: options.idle, concurrency: 16, timeoutMs: budget() },
      budget() + 10_000,
    );
    console.log(
      `  ${sessions.opened} visitor sessions (POST /v1/widget/session) in ${(sessions.ms / 1000).toFixed(1)} s` +
        (sessions.failed ? `; ${sessions.failed} failed: ${sessions.failures.join('; ')}` : ''),
    );
  }
  await waitUntilQuiet(bench, 10_000);
  const pid = serverPid(bench, target);
  const inspectPort = target === 'parley' ? bench.api.inspectPort : bench.relayInspectPort;
  if (!inspectPort) throw new Error(`the ${target} runs without --inspect`);
  const inspector = await openInspector(inspectPort);
  try {
    // After a burst of work V8 hands pages back to the OS only over the next collections: collect, wait and
    // read again until RSS holds still (within 0.2%, at most 20 s), so "before" is not inflated by what was freed.
    const readMemory = async () => {
      let rssKib = Number.POSITIVE_INFINITY;
      for (const until = Date.now() + 20_000; Date.now() < until; ) {
        await inspector.collectGarbage();
        await delay(2_000);
        const now = readRssKib(pid);
        const isSteady = Math.abs(now - rssKib) < 0.002 * now;
        rssKib = now;
        if (isSteady) break;
      }
      const usage = await inspector.memoryUsage();
      return { rssKib, heapKib: (usage.heapUsed + usage.external) / 1024 };
    };
    const openUpTo = (count: number) =>
      generator.call<OpenResult>(
        { cmd: 'openVisitors', target, count, batch: options.idleBatch, timeoutMs: budget() },
        budget() + 10_000,
      );
    // Read at 0, half and all: the second half's slope does not depend on how much the first half's
    // collections happened to give back to the OS.
    const before = await readMemory();
    const firstHalf = await openUpTo(Math.floor(options.idle / 2));
    const middle = await readMemory();
    const secondHalf = await openUpTo(options.idle);
    const hold = await generator.call<HoldResult>(
      { cmd: 'hold', target, ms: options.idleHoldS * 1000 },
      options.idleHoldS * 1000 + 10_000,
    );
    const after = await readMemory();
    const opened = firstHalf.opened + secondHalf.opened;
    const openMs = firstHalf.ms + secondHalf.ms;
    console.log(`  ${target}: ${opened} sockets opened in ${(openMs / 1000).toFixed(1)} s`);
    await generator.call({ cmd: 'closeVisitors', target }, 30_000);
    return {
      target,
      opened,
      failed: firstHalf.failed + secondHalf.failed,
      openMs,
      hold,
      middleOpen: firstHalf.opened,
      rssKib: [before.rssKib, middle.rssKib, after.rssKib],
      heapKib: [before.heapKib, middle.heapKib, after.heapKib],
      failures: [...firstHalf.failures, ...secondHalf.failures],
    };
  } finally {
    inspector.close();
  }
}

/** Sessions, sockets and, for Parley, an assigned conversation for visitors 0…count-1; agents online first. */
export async function prepareVisitors(bench: Bench, target: Target, count: number): Promise<void> {
  const { generator, options } = bench;
  const budget = () => Math.max(5_000, Math.min(120_000, bench.deadline - Date.now() - 60_000));
  const agents = await generator.call<OpenResult>(
    { cmd: 'openAgents', target, agents: target === 'parley' ? bench.agentLogins : [], timeoutMs: 30_000 },
    40_000,
  );
  if (agents.failed) throw new Error(`${agents.failed} ${target} agent sockets failed: ${agents.failures.join('; ')}`);
  if (target === 'parley') {
    const sessions = await generator.call<OpenResult>(
      { cmd: 'createSessions', count, concurrency: 16, timeoutMs: budget() },
      budget() + 10_000,
    );
    if (sessions.failed) throw new Error(`visitor sessions failed: ${sessions.failures.join('; ')}`);
  }
  const open = await generator.call<OpenResult>(
    { cmd: 'openVisitors', target, count, batch: options.idleBatch, timeoutMs: budget() },
    budget() + 10_000,
  );
  if (open.failed) throw new Error(`${open.failed} ${target} visitor sockets failed: ${open.failures.join('; ')}`);
  if (target !== 'parley') return;
  const started = await generator.call<{
    assigned: number;
    ms: number;
    errors: Record<string, number>;
    agentsWithConversations: number;
    mostPerAgent: number;
  }>({ cmd: 'startConversations', target, count, rate: 200, window: 4, timeoutMs: budget() }, budget() + 10_000);
  console.log(
    `  ${started.assigned} of ${count} conversations assigned in ${(started.ms / 1000).toFixed(1)} s, ` +
      `to ${started.agentsWithConversations} agents (at most ${started.mostPerAgent} each)` +
      (Object.keys(started.errors).length ? `; errors ${JSON.stringify(started.errors)}` : ''),
  );
  if (started.assigned < count) throw new Error(`only ${started.assigned} of ${count} conversations were assigned`);
}
