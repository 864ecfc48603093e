/** The printed tables, in the manner of scripts/bench-routing.ts: every figure next to the baseline of the same run. */
import type { IdleRow, StepRow } from './scenarios.ts';
import { fmtInt, fmtMs, fmtRatio } from './stats.ts';

function printTable(header: string[], rows: string[][], leftColumns = 2) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i < leftColumns ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

export function errorCount(row: StepRow): number {
  return Object.values(row.result.errors).reduce((sum, n) => sum + n, 0);
}

/** The worst p99 of the step: ack, visitor → agent and agent → visitor. */
export function worstP99(row: StepRow): number {
  const { ack, visitorToAgent, agentToVisitor } = row.result;
  return Math.max(...[ack.p99, visitorToAgent.p99, agentToVisitor.p99].filter((p) => !Number.isNaN(p)));
}

export function ackedPerSecond(row: StepRow): number {
  return row.result.acked / (row.result.elapsedMs / 1000);
}

function describeErrors(row: StepRow): string {
  const entries = Object.entries(row.result.errors);
  return entries.length ? entries.map(([code, n]) => `${n} ${code}`).join(', ') : '0';
}

export function printSteps(rows: StepRow[]) {
  console.log('\nLatency (ms, measured by the load generator from the timestamp in each message body)');
  printTable(
    [
      'step',
      'target',
      'visitor msg/s',
      'acked msg/s',
      'ack p50',
      'ack p99',
      'v→a p50',
      'v→a p95',
      'v→a p99',
      'a→v p50',
      'a→v p95',
      'a→v p99',
      'errors',
    ],
    rows.map((row) => {
      const r = row.result;
      return [
        row.scenario,
        row.target,
        fmtInt(row.rate),
        fmtInt(ackedPerSecond(row)),
        fmtMs(r.ack.p50),
        fmtMs(r.ack.p99),
        fmtMs(r.visitorToAgent.p50),
        fmtMs(r.visitorToAgent.p95),
        fmtMs(r.visitorToAgent.p99),
        fmtMs(r.agentToVisitor.p50),
        fmtMs(r.agentToVisitor.p95),
        fmtMs(r.agentToVisitor.p99),
        describeErrors(row),
      ];
    }),
  );
  console.log('\nCost (CPU per delivered message, from /proc/<pid>/stat; ratios to the paired relay of the same step)');
  printTable(
    [
      'step',
      'target',
      'sent (v+a)',
      'delivered',
      'agent frames/msg',
      'summaries/s',
      'summary kB/s',
      'server CPU µs/msg',
      'server writes/msg',
      'db CPU µs/msg',
      'server CPU',
      'v→a p50 ×',
      'v→a p99 ×',
      'CPU/msg ×',
      'others (cores)',
      'generator CPU',
      'gen loop p99',
    ],
    rows.map((row) => {
      const r = row.result;
      const baseline = rows.find((b) => b.scenario === row.scenario && b.target === 'relay paired');
      const cpuPerMsg = (row.serverCpuMs * 1000) / row.delivered;
      const baseCpuPerMsg = baseline ? (baseline.serverCpuMs * 1000) / baseline.delivered : Number.NaN;
      const isBaseline = row.target === 'relay paired';
      return [
        row.scenario,
        row.target,
        `${fmtInt(r.sentByVisitors)}+${fmtInt(r.sentByAgents)}`,
        fmtInt(row.delivered),
        r.agentFramesPerMessage.toFixed(1),
        fmtInt(r.summaryFramesPerSecond),
        fmtInt(r.summaryKilobytesPerSecond),
        fmtInt(cpuPerMsg),
        (row.serverWrites / row.delivered).toFixed(2),
        row.target === 'parley' && row.dbCpuMs > 0 ? fmtInt((row.dbCpuMs * 1000) / row.delivered) : '–',
        `${((row.serverCpuMs / r.elapsedMs) * 100).toFixed(0)}%`,
        isBaseline || !baseline ? '' : fmtRatio(r.visitorToAgent.p50, baseline.result.visitorToAgent.p50),
        isBaseline || !baseline ? '' : fmtRatio(r.visitorToAgent.p99, baseline.result.visitorToAgent.p99),
        isBaseline || !baseline ? '' : fmtRatio(cpuPerMsg, baseCpuPerMsg),
        row.otherCores.toFixed(2),
        `${r.generatorCpuPercent.toFixed(0)}%`,
        fmtMs(r.generatorLoopDelayP99Ms),
      ];
    }),
  );
}

/** Per connection: growth from the middle reading to the last ÷ the sockets opened in between. */
function perConnection(row: IdleRow, readings: [number, number, number]): { whole: number; secondHalf: number } {
  return {
    whole: (readings[2] - readings[0]) / Math.max(1, row.hold.open),
    secondHalf: (readings[2] - readings[1]) / Math.max(1, row.hold.open - row.middleOpen),
  };
}

export function idleKibPerConnection(row: IdleRow): number {
  return perConnection(row, row.rssKib).secondHalf;
}

export function printIdle(rows: IdleRow[]) {
  console.log('\nMemory (c): idle visitor connections (opened, hello → session.ready, then silent)');
  const baseline = rows.find((row) => row.target === 'relay');
  const mib = (kib: number) => (kib / 1024).toFixed(1);
  printTable(
    [
      'target',
      'opened',
      'failed',
      'open s',
      'open after hold',
      'closes/errors in hold',
      'RSS MiB: 0 / half / all',
      'RSS KiB/conn: all / 2nd half',
      '× relay',
      'heap+ext KiB/conn: all / 2nd half',
      '× relay',
    ],
    rows.map((row) => {
      const rss = perConnection(row, row.rssKib);
      const heap = perConnection(row, row.heapKib);
      const base = baseline && row.target !== 'relay' ? baseline : undefined;
      return [
        row.target,
        fmtInt(row.opened),
        fmtInt(row.failed),
        (row.openMs / 1000).toFixed(1),
        fmtInt(row.hold.open),
        `${row.hold.closes}/${Object.values(row.hold.errors).reduce((s, n) => s + n, 0)}`,
        row.rssKib.map(mib).join(' / '),
        `${rss.whole.toFixed(1)} / ${rss.secondHalf.toFixed(1)}`,
        base ? fmtRatio(rss.secondHalf, perConnection(base, base.rssKib).secondHalf) : '',
        `${heap.whole.toFixed(1)} / ${heap.secondHalf.toFixed(1)}`,
        base ? fmtRatio(heap.secondHalf, perConnection(base, base.heapKib).secondHalf) : '',
      ];
    }),
    1,
  );
  for (const row of rows) if (row.failures.length) console.log(`  ${row.target} failures: ${row.failures.join('; ')}`);
}

export const HOW_TO_READ = `
How to read it:
- v→a: a visitor's message.send → the socket of the agent the conversation is assigned to receives its
  message.created. a→v: an agent's reply → the visitor's socket receives it. ack: send → ack (Parley acks after
  COMMIT, so an acked message is stored). Every message carries performance.now() of its send in its body; the
  load generator is one process, so sender and receiver share that clock.
- the load is open loop: visitors send at the set aggregate rate (round robin) whatever the server's answers;
  agents reply to messages of their own conversations, at most --reply-rate per agent per second (the api
  allows 10 frames/s per socket). A step's p99 includes the messages answered during its drain; what was never
  acked or delivered by the end of the drain counts as an error (ack/missing, delivery/missing).
- relay paired: a bare ws server (one JSON.parse and two JSON.stringify per message, nothing stored) that sends
  each message to the conversation's visitor and its one agent, as Parley does (an agent socket hears, event by
  event, only the conversations it holds or opened; the rest arrive as batched conversations.changed summaries,
  counted in "summaries/s" and their bytes, all agent sockets together, in "summary kB/s"). relay fan-out: the same, but every agent socket hears every message, as Parley's
  agents did before that change; "agent frames/msg" shows the fan-out.
- server CPU µs/msg: utime+stime of the server process during the step ÷ delivered messages. For Postgres, the
  database's backends are counted apart (db CPU); PGlite runs inside the api, so its work is in the api's figure.
- server writes/msg: write syscalls of the server process (syscw of /proc/<pid>/io) ÷ delivered messages; a
  count, so other load on the machine does not move it. It includes the api's writes to its database.
- others (cores): the machine's busy CPU time during the step minus ours (server, database backends, load
  generator), per second: other people's tests. The generator's own CPU and event-loop delay show when it, not
  the server, was the bottleneck: the machine has only a few cores and all processes share them.
- memory: VmRSS of the server process with no visitor socket, with half of them open and with all open after
  the hold, each read after full garbage collections (through the V8 inspector, opened only for this scenario)
  once RSS holds still. "all" divides the whole growth by the sockets; "2nd half" the growth from half to all by
  the sockets opened in between, which does not depend on what the first collections gave back to the OS.
  heap+ext: the same for process.memoryUsage() heapUsed + external (the JS part); the rest of RSS is native
  (socket buffers, the allocator) and pages V8 keeps.`;
