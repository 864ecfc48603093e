// Real-time load figures (issue 6): Parley's api as a child process, driven over real sockets by a load
// generator in another process, next to a bare ws relay (a third process) driven the same way in the same run.
//
//   pnpm bench:realtime            # a scratch database on the Postgres at TEST_DATABASE_URL, dropped at the end
//   pnpm bench:realtime --pglite   # the api's embedded PGlite in a temporary folder, removed at the end
//   pnpm bench:realtime --help     # the scenarios, their defaults and the flags
//
// Loopback only (127.0.0.1, ports below 32768). Every loop is bounded in count and time, the whole run by
// --time-limit (8 minutes), and every process it started is stopped by pid at the end, on error and on Ctrl-C.
// See docs/performance.md for the figures of this machine and how to read them.
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { startApi } from './api-process.ts';
import { type BenchDatabase, createBenchDatabase } from './bench-database.ts';
import { runningChildren, stopAllChildren, stopChild } from './children.ts';
import { createGeneratorClient, forkHelper, isInspectorNotice } from './forked.ts';
import { findFreeLowPort } from './free-port.ts';
import type { LoadSpec, Totals } from './messages.ts';
import { HELP, type Options, parseOptions } from './options.ts';
import { readOpenFilesLimit } from './proc-stats.ts';
import {
  ackedPerSecond,
  errorCount,
  HOW_TO_READ,
  idleKibPerConnection,
  printIdle,
  printSteps,
  worstP99,
} from './report.ts';
import {
  type Bench,
  type IdleRow,
  measureIdle,
  measureStep,
  prepareVisitors,
  type StepRow,
  waitUntilQuiet,
} from './scenarios.ts';
import { fmtInt, fmtMs } from './stats.ts';
import { summarizeProfile } from './summarize-profile.ts';
import { moveIntoWorkspace, signUpWorkspace } from './workspace-setup.ts';

/** The fake host site; the first inbox allows it (EXAMPLE_SITE_URL) and every visitor socket sends it as Origin. */
const SITE_ORIGIN = 'https://bench-site.example.test';
/** The api allows 10 frames/s per socket (bursts of 20): a visitor sends at most this many messages per second. */
const MAX_PER_VISITOR = 8;

let options: Options;
try {
  const parsed = parseOptions(process.argv.slice(2));
  if (parsed === 'help') {
    console.log(HELP);
    process.exit(0);
  }
  options = parsed;
} catch (error) {
  console.error(`${(error as Error).message}\n\n${HELP}`);
  process.exit(2);
}

const startedAt = Date.now();
const loadAtStart = loadavg();
let database: BenchDatabase | undefined;
let cleaning: Promise<void> | undefined;

/** Stops every process this run started (by pid), then drops the scratch database / removes the PGlite folder. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await stopAllChildren(5_000);
    await database?.drop().catch((error) => console.error(`could not drop the database: ${error}`));
  })();
  return cleaning;
}

function stopNow(code: number, message: string) {
  console.error(`\n${message}; stopping ${runningChildren().join(', ') || 'nothing'}`);
  void Promise.race([cleanUp(), new Promise((r) => setTimeout(r, 20_000))]).finally(() => process.exit(code));
}

const hardStop = setTimeout(
  () => stopNow(2, `stopped: the run went past its hard limit of ${options.timeLimitS} s`),
  options.timeLimitS * 1000,
);
process.once('SIGINT', () => stopNow(130, 'interrupted'));
process.once('SIGTERM', () => stopNow(143, 'terminated'));

function checkOpenFiles(): void {
  const loadVisitors = options.scenarios.has('b') ? Math.max(options.visitors, options.rampVisitors) : options.visitors;
  const sockets = Math.max(options.scenarios.has('c') ? options.idle : 0, loadVisitors) + options.agents;
  const needed = sockets + 1_000;
  const { soft, hard } = readOpenFilesLimit();
  console.log(
    `open files: ulimit -n ${soft} (hard ${hard}); this run holds up to ${fmtInt(sockets)} sockets per process`,
  );
  if (soft < needed) {
    console.error(
      `\nThe open-file limit (ulimit -n ${soft}) is too low: the api and the load generator each hold ` +
        `${fmtInt(sockets)} sockets. Raise it in this shell first, e.g. \`ulimit -n ${Math.min(hard, needed * 2)}\`` +
        ` (the hard limit is ${hard}), or lower --idle / --ramp-visitors.`,
    );
    process.exit(2);
  }
}

async function main() {
  checkOpenFiles();
  database = await createBenchDatabase(options.usePglite);
  const port = await findFreeLowPort();
  console.log(`${await database.describe()}; api on 127.0.0.1:${port}`);

  // Setup: the agents sign up over HTTP; moving them into one workspace goes through the database. PGlite's
  // files belong to one process at a time, so the api stops meanwhile (for Postgres too, to keep one path).
  let api = await startApi({ port, database, siteOrigin: SITE_ORIGIN });
  const workspace = await signUpWorkspace(api.url, options.agents);
  await api.stop();
  const handle = await database.open();
  const members = await moveIntoWorkspace(handle, workspace.others, workspace);
  await handle.close();
  if (members !== options.agents) throw new Error(`expected ${options.agents} inbox members, found ${members}`);
  const cpuProfileDir = options.cpuProfileDir ? resolve(options.cpuProfileDir) : undefined;
  // The memory scenario collects garbage before each RSS reading, through the V8 inspector (127.0.0.1 only).
  const hasMemory = options.scenarios.has('c');
  const [apiInspectPort, relayInspectPort] = hasMemory ? [await findFreeLowPort(), await findFreeLowPort()] : [];
  api = await startApi({ port, database, siteOrigin: SITE_ORIGIN, cpuProfileDir, inspectPort: apiInspectPort });
  console.log(`api pid ${api.pid}: ${options.agents} agents in one workspace, site key ${workspace.siteKey}`);

  const relayPort = await findFreeLowPort();
  const relay = await forkHelper(
    'relay',
    'relay-server.ts',
    { RELAY_PORT: String(relayPort) },
    relayInspectPort ? [`--inspect=127.0.0.1:${relayInspectPort}`] : [],
  );
  const generator = createGeneratorClient(await forkHelper('load generator', 'load-generator.ts'));
  await generator.call(
    {
      cmd: 'configure',
      config: {
        apiUrl: api.url,
        relayUrl: `ws://127.0.0.1:${relayPort}`,
        siteOrigin: SITE_ORIGIN,
        siteKey: workspace.siteKey,
        relayAgents: options.agents,
      },
    },
    5_000,
  );
  console.log(`relay pid ${relay.pid} on 127.0.0.1:${relayPort}, load generator pid ${generator.child.pid}`);
  for (const [name, pid] of [
    ['api', api.pid],
    ['load generator', generator.child.pid!],
  ] as const) {
    const limit = readOpenFilesLimit(pid).soft;
    if (limit < options.idle + 500) console.warn(`warning: the ${name} may open only ${limit} files`);
  }

  const bench: Bench = {
    options,
    api,
    relay,
    generator,
    database,
    agentLogins: workspace.agents,
    relayInspectPort,
    // Steps stop starting a minute short of the hard limit, leaving time for the checks and the cleanup.
    deadline: startedAt + options.timeLimitS * 1000 - 60_000,
  };
  const steps: StepRow[] = [];
  const idle: IdleRow[] = [];
  const notes: string[] = [];
  const hasTime = (ms: number) => Date.now() + ms < bench.deadline;
  const spec = (rate: number, durationS: number, visitors: number): LoadSpec => ({
    rate,
    durationMs: durationS * 1000,
    visitors,
    replyRatePerAgent: options.replyRate,
    drainMs: options.drainS * 1000,
    maxUnackedPerVisitor: options.maxUnacked,
    bodyChars: options.bodyChars,
  });
  const stepBudget = (durationS: number) => (durationS + options.drainS + 35) * 1000;

  if (options.scenarios.has('c')) {
    console.log(`\n(c) memory: ${fmtInt(options.idle)} idle visitor connections`);
    for (const target of ['parley', 'relay'] as const) {
      const row = await measureIdle(bench, target);
      idle.push(row);
      console.log(
        `  ${target}: ${fmtInt(row.hold.open)} open after ${options.idleHoldS} s, ` +
          `${idleKibPerConnection(row).toFixed(1)} KiB RSS per connection (second half)`,
      );
    }
  }

  if (options.scenarios.has('a') || options.scenarios.has('b')) {
    console.log(`\npreparing ${fmtInt(options.visitors)} visitors and ${options.agents} agents`);
    for (const target of ['parley', 'relay'] as const) await prepareVisitors(bench, target, options.visitors);
  }

  // The ramp first: (a) overloads the api on purpose, and what follows an overload is not a sustained rate.
  let sustained: StepRow | undefined;
  let failedAt: StepRow | undefined;
  let relaySustained: StepRow | undefined;
  let relayFailedAt: StepRow | undefined;
  if (options.scenarios.has('b')) {
    console.log(`\n(b) ramp: ${options.rampRates.join(', ')} msg/s, ${options.rampStepS} s each`);
    // The first --visitors send; more join (up to --ramp-visitors) only once a step needs them.
    let visitors = options.visitors;
    for (const rate of options.rampRates) {
      const needed = Math.ceil(rate / MAX_PER_VISITOR);
      if (needed > Math.max(visitors, options.rampVisitors)) {
        notes.push(`(b) stopped before ${rate} msg/s: it needs ${needed} visitors (--ramp-visitors)`);
        break;
      }
      if (!hasTime(2 * stepBudget(options.rampStepS))) {
        notes.push(`(b) stopped before ${rate} msg/s: the run's time budget was spent`);
        break;
      }
      if (needed > visitors) {
        visitors = Math.min(options.rampVisitors, Math.max(needed, 2 * visitors));
        console.log(`  ${fmtInt(visitors)} visitors from here on`);
        for (const target of failedAt ? (['relay'] as const) : (['parley', 'relay'] as const))
          await prepareVisitors(bench, target, visitors);
      }
      const label = `(b) ramp ${fmtInt(rate)}/s`;
      // Once Parley has failed a step, the relay goes on alone: its own sustained rate is the baseline.
      if (!failedAt) {
        const row = await measureStep(bench, label, 'parley', spec(rate, options.rampStepS, visitors));
        steps.push(row);
        console.log(`  ${summarizeStep(row)}`);
        if (worstP99(row) >= options.rampP99Ms || errorCount(row) > 0) failedAt = row;
        else sustained = row;
      }
      const baseline = await measureStep(bench, label, 'relay paired', spec(rate, options.rampStepS, visitors));
      steps.push(baseline);
      console.log(`  ${summarizeStep(baseline)}`);
      if (worstP99(baseline) >= options.rampP99Ms || errorCount(baseline) > 0) {
        relayFailedAt = baseline;
        break;
      }
      relaySustained = baseline;
    }
  }

  if (options.scenarios.has('a')) {
    const label = `(a) ${options.visitors}v ${options.agents}a ${options.durationS}s`;
    console.log(`\n${label} at ${fmtInt(options.rate)} msg/s`);
    if (options.rate / options.visitors > MAX_PER_VISITOR)
      throw new Error(`--rate ${options.rate} needs at least ${options.rate / MAX_PER_VISITOR} visitors`);
    for (const target of ['relay paired', 'parley', 'relay fan-out'] as const) {
      if (!hasTime(stepBudget(options.durationS))) {
        notes.push(`(a) ${target} skipped: the run's time budget was spent`);
        continue;
      }
      const row = await measureStep(bench, label, target, spec(options.rate, options.durationS, options.visitors));
      steps.push(row);
      console.log(`  ${summarizeStep(row)}`);
    }
  }

  // Persistence: every message the api acked is a row, none twice. The api first finishes what it still has
  // (acks arriving meanwhile count), then stops (PGlite has one owner at a time) and the table is read.
  await waitUntilQuiet(bench, 30_000);
  const totals = await generator.call<Totals>({ cmd: 'totals' }, 10_000);
  await generator.call({ cmd: 'closeAll' }, 30_000);
  await stopChild(generator.child, 5_000);
  await stopChild(relay, 5_000);
  await api.stop();
  const persisted = await checkPersisted(database, totals.parleyAckedIds);

  const loadAtEnd = loadavg();
  const format = (l: number[]) => l.map((n) => n.toFixed(2)).join(' ');
  console.log(`\n\nParley real-time benchmark — ${await database.describe()}`);
  console.log(
    `node ${process.version}, ${availableParallelism()} CPUs, load average ${format(loadAtStart)} at the start, ` +
      `${format(loadAtEnd)} at the end, ${((Date.now() - startedAt) / 1000).toFixed(0)} s; everything on 127.0.0.1`,
  );
  // (a) first in the tables, though it ran last; sort is stable, so the ramp keeps its order.
  if (steps.length) printSteps([...steps].sort((x, y) => x.scenario.slice(0, 3).localeCompare(y.scenario.slice(0, 3))));
  if (idle.length) printIdle(idle);
  const isAllStored = persisted.missing === 0 && persisted.rows === persisted.distinct;
  console.log(
    `\nPersisted: the api acked ${fmtInt(totals.parleyAckedIds.length)} messages; the messages table holds ` +
      `${fmtInt(persisted.rows)} rows (${fmtInt(persisted.distinct)} distinct sender + client id): ` +
      (isAllStored
        ? `every acked message is stored, none twice${persisted.rows > totals.parleyAckedIds.length ? `; ${fmtInt(persisted.rows - totals.parleyAckedIds.length)} stored whose ack never arrived (still under way when their step's drain ended and the sockets closed: a client would resend them with the same clientId)` : ''}.`
        : `MISMATCH: ${fmtInt(persisted.missing)} acked messages are not in the table.`),
  );
  const lines = api
    .log()
    .split('\n')
    .filter((line) => line.trim() && !isInspectorNotice(line));
  if (lines.length) {
    console.log(
      `\nThe api logged ${lines.length} line(s) at warn or above; the last ones:\n${lines.slice(-5).join('\n')}`,
    );
  }
  printTargets(steps, idle, { sustained, failedAt, relaySustained, relayFailedAt });
  console.log(HOW_TO_READ);
  for (const note of notes) console.log(`- ${note}`);
  if (cpuProfileDir) {
    const windows = steps.filter((row) => row.target === 'parley').map((row) => row.monotonicUs);
    printProfile(cpuProfileDir, windows);
  }
  if (!isAllStored) process.exitCode = 1;
}

async function checkPersisted(database: BenchDatabase, ackedIds: readonly string[]) {
  const handle = await database.open();
  try {
    const rows = await handle.db.selectFrom('messages').select(['sender_id', 'client_id']).execute();
    const stored = new Set(rows.map((row) => row.client_id));
    const distinct = new Set(rows.map((row) => `${row.sender_id} ${row.client_id}`)).size;
    return { rows: rows.length, distinct, missing: ackedIds.filter((id) => !stored.has(id)).length };
  } finally {
    await handle.close();
  }
}

function summarizeStep(row: StepRow): string {
  const r = row.result;
  return (
    `${row.target.padEnd(13)} v→a p50 ${fmtMs(r.visitorToAgent.p50)} p99 ${fmtMs(r.visitorToAgent.p99)} ms, ` +
    `a→v p99 ${fmtMs(r.agentToVisitor.p99)} ms, ack p99 ${fmtMs(r.ack.p99)} ms, ` +
    `${fmtInt(ackedPerSecond(row))} acked/s, errors ${errorCount(row)}, ` +
    `server ${((row.serverCpuMs / r.elapsedMs) * 100).toFixed(0)}% CPU, generator ${r.generatorCpuPercent.toFixed(0)}%` +
    (row.quietWaitMs > 5_000 ? ` (waited ${(row.quietWaitMs / 1000).toFixed(0)} s for the previous backlog first)` : '')
  );
}

interface RampOutcome {
  sustained?: StepRow;
  failedAt?: StepRow;
  relaySustained?: StepRow;
  relayFailedAt?: StepRow;
}

function printTargets(steps: StepRow[], idle: IdleRow[], ramp: RampOutcome) {
  const verdict = (isMet: boolean) => (isMet ? 'met' : 'MISSED');
  console.log('\nIssue 6 targets:');
  const a = steps.find((row) => row.scenario.startsWith('(a)') && row.target === 'parley');
  if (a) {
    const p99 = worstP99(a);
    console.log(
      `- ${a.result.visitors} visitors + ${a.result.agents} agents at ${fmtInt(a.rate)} msg/s with p99 ≤ 10 ms: ` +
        `worst p99 ${fmtMs(p99)} ms, ${errorCount(a)} errors → ${verdict(p99 <= 10 && errorCount(a) === 0)}`,
    );
  }
  if (options.scenarios.has('b')) {
    const describe = (sustained?: StepRow, failed?: StepRow) =>
      (sustained
        ? `${fmtInt(ackedPerSecond(sustained))} msg/s acked at the ${fmtInt(sustained.rate)}/s step`
        : 'no step passed') +
      (failed
        ? ` (the ${fmtInt(failed.rate)}/s step had p99 ${fmtMs(worstP99(failed))} ms and ${errorCount(failed)} errors)`
        : ' (no step failed: the figure is a lower bound)');
    const rate = ramp.sustained ? ackedPerSecond(ramp.sustained) : 0;
    const relayRate = ramp.relaySustained ? ackedPerSecond(ramp.relaySustained) : 0;
    const ratio = relayRate ? rate / relayRate : 0;
    console.log(
      `- ≥ 10,000 persisted msg/s sustained with p99 < ${options.rampP99Ms} ms: Parley ${describe(ramp.sustained, ramp.failedAt)}` +
        ` → ${verdict(rate >= 10_000)}`,
    );
    console.log(
      `  as a ratio, ≥ 0.11 × the bare relay's sustained rate in this run: the relay ${describe(ramp.relaySustained, ramp.relayFailedAt)}; ` +
        `Parley ÷ relay = ${ratio.toFixed(2)} → ${verdict(ratio >= 0.11)}` +
        (ramp.relayFailedAt ? '' : ' (the relay did not fail, so the true ratio is lower)'),
    );
  }
  const parleyIdle = idle.find((row) => row.target === 'parley');
  if (parleyIdle) {
    const kib = idleKibPerConnection(parleyIdle);
    console.log(
      `- ≤ 12 KB per idle visitor connection: ${kib.toFixed(1)} KiB of RSS (second half) → ${verdict(kib * 1.024 <= 12)}`,
    );
  }
}

function printProfile(dir: string, windows: Array<[number, number]>) {
  // One profile per thread: the api's main thread (thread 0) and tsx's module loader thread.
  const profiles = readdirSync(dir)
    .filter((name) => /\.0\.\d+\.cpuprofile$/.test(name))
    .map((name) => join(dir, name))
    .sort((x, y) => statSync(y).mtimeMs - statSync(x).mtimeMs);
  if (!profiles[0]) return console.log(`\nno main-thread .cpuprofile in ${dir}`);
  console.log(`\nCPU profile of the api's main thread during the Parley load steps: ${profiles[0]}`);
  summarizeProfile(profiles[0], 25, windows.length ? windows : undefined);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    clearTimeout(hardStop);
    await cleanUp();
  });
