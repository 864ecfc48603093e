// Routing figures (issue 5): the cost of one routing decision in the database, and the time to assignment
// with 1, 100 and 1,000 conversations waiting, as median and p99, next to a baseline measured in the same run.
//
//   node --import tsx scripts/bench-routing.ts            # a scratch database on the Postgres at TEST_DATABASE_URL
//                                                         # (default postgres://postgres@127.0.0.1:5432/postgres), dropped at the end
//   node --import tsx scripts/bench-routing.ts --pglite   # an in-memory PGlite instead
//
// In-process, without HTTP: it calls the api's own commands (sendVisitorMessage, routeConversation,
// routeQueue) on the database, one call at a time. Every loop is bounded in count and in time, and the
// whole run stops after ~60 s (hard limit 90 s). Figures are only comparable with the baseline of the same run.
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createDb, type DbHandle, migrateToLatest } from '@parley/db';
import { createScratchDatabase } from '@parley/db/testing';
// kysely is a dependency of api and db, not of the root: take the api's copy (the same module instance).
import { sql } from '../api/node_modules/kysely/dist/esm/index.js';
import { sendVisitorMessage } from '../api/src/commands/send-visitor-message.ts';
import { loadQueueState } from '../api/src/routing/queue-state.ts';
import { routeConversation } from '../api/src/routing/route-conversation.ts';
import { findQueue, routeQueue } from '../api/src/routing/route-queue.ts';

type Db = DbHandle['db'];

const AGENTS = 5;
const WAITING_LEVELS = [1, 100, 1000];
const RUN_BUDGET_MS = 60_000;
const HARD_LIMIT_MS = 90_000;
/** Agents' capacity while measuring the next in line: all full, so the queue really waits. */
const FULL_CAPACITY = 2;

const usePglite = process.argv.includes('--pglite');
const startedAt = performance.now();
const runDeadline = startedAt + RUN_BUDGET_MS;

interface Figure {
  label: string;
  samples: number[];
  /** Compared with the baseline (a ratio) or is the baseline itself. */
  isBaseline?: boolean;
}

let cleanUp: () => Promise<void> = async () => {};
const hardStop = setTimeout(() => {
  console.error(`\nstopped: the run went past its hard limit of ${HARD_LIMIT_MS / 1000} s`);
  void Promise.race([cleanUp(), new Promise((r) => setTimeout(r, 5_000))]).finally(() => process.exit(2));
}, HARD_LIMIT_MS);
process.once('SIGINT', () => {
  void Promise.race([cleanUp(), new Promise((r) => setTimeout(r, 5_000))]).finally(() => process.exit(130));
});

async function main() {
  const { db, describe } = await openDatabase();
  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    const setup = await createWorkspace(db);
    const online = setup.agentIds;

    // Baseline, part 1 (part 2 at the end shows how much the machine drifted meanwhile).
    const selectBefore = await measure(300, 3_000, () => selectOne(db));
    const insertBefore = await measure(300, 4_000, () => insertAndCommit(db));

    // 1. One routing decision: a new open conversation, 5 online candidates with spare capacity.
    // Untimed around it: the visitor's message that opens it, and resolving it afterwards (so loads stay flat).
    await repeat(20, 2_000, async () => {
      const id = await openConversation(db, setup);
      await routeConversation(db, id, { onlineAgentIds: online });
      await resolve(db, id);
    });
    figures.push({
      label: `routing decision (routeConversation), ${AGENTS} online candidates`,
      samples: await measureEach(300, 10_000, async (time) => {
        const id = await openConversation(db, setup);
        const result = await time(() => routeConversation(db, id, { onlineAgentIds: online }));
        expectOutcome(result.outcome, 'assigned');
        await resolve(db, id);
      }),
    });

    for (const waiting of WAITING_LEVELS) {
      if (performance.now() > runDeadline - 5_000) {
        notes.push(`skipped ${waiting} waiting and above: the run's time budget was spent`);
        break;
      }
      await fillQueue(db, setup, waiting);
      await analyze(db);

      // 2a. A visitor's first message → assigned, while `waiting` others wait in the same inbox for a team
      // with nobody available (so they cannot take the free agent). Timed: storing the message (the
      // conversation opens), then the routing the api runs right after the commit.
      figures.push({
        label: `first message → assigned, ${waiting} waiting in the inbox`,
        samples: await measureEach(200, 5_000, async (time) => {
          const visitorId = await createVisitors(db, setup, 1).then((ids) => ids[0]!);
          const result = await time(async () => {
            const sent = await sendVisitorMessage(
              db,
              { visitorId, workspaceId: setup.workspaceId, inboxId: setup.inboxId },
              { clientId: randomBytes(8).toString('hex'), body: 'hello' },
            );
            return routeConversation(db, sent.message.conversationId, {
              onlineAgentIds: online,
              shouldLogWaiting: true,
            });
          });
          expectOutcome(result.outcome, 'assigned');
          await resolveOpenAssigned(db, setup);
        }),
      });

      // 2b. Next in line: `waiting` conversations wait in the general queue and every agent is full.
      // Untimed: an agent resolves a conversation (a place frees up). Timed: the queue pass the api runs
      // then (routeQueue), which assigns the head of the queue and finds nobody for the next one.
      // Untimed: one more visitor joins at the back, so `waiting` stays the same.
      await fillAgents(db, setup);
      await db
        .updateTable('conversations')
        .set({ team_id: null })
        .where('inbox_id', '=', setup.inboxId)
        .where('status', '=', 'open')
        .where('assignee_id', 'is', null)
        .execute();
      await analyze(db);
      figures.push({
        label: `place frees → next in line assigned (routeQueue), ${waiting} waiting`,
        samples: await measureEach(200, 5_000, async (time) => {
          const head = (await findQueue(db, setup.inboxId))[0];
          await resolveOldestAssigned(db, setup);
          const assigned = await time(() => routeQueue(db, setup.inboxId, online));
          if (assigned.length !== 1 || assigned[0]!.conversation.id !== head?.id)
            throw new Error(`expected the head of the queue to be assigned, got ${assigned.length} assignment(s)`);
          await insertWaiting(db, setup, 1, null);
        }),
      });

      // What every queue change also costs: each waiting visitor's position (published after the decision).
      figures.push({
        label: `queue positions for all (loadQueueState), ${waiting} waiting`,
        samples: await measure(100, 3_000, () => loadQueueState(db, setup.inboxId)),
      });

      await resolveOpenAssigned(db, setup);
      await db
        .updateTable('memberships')
        .set({ capacity: null })
        .where('workspace_id', '=', setup.workspaceId)
        .execute();
      await db
        .updateTable('conversations')
        .set({ team_id: setup.blockedTeamId })
        .where('inbox_id', '=', setup.inboxId)
        .where('status', '=', 'open')
        .where('assignee_id', 'is', null)
        .execute();
    }

    const selectAfter = await measure(300, 3_000, () => selectOne(db));
    const insertAfter = await measure(300, 4_000, () => insertAndCommit(db));
    const selectSamples = [...selectBefore, ...selectAfter];
    const insertSamples = [...insertBefore, ...insertAfter];
    figures.unshift(
      { label: 'baseline: select 1 (round trip)', samples: selectSamples, isBaseline: true },
      { label: 'baseline: insert one row + commit', samples: insertSamples, isBaseline: true },
    );
    notes.push(
      `baseline drift, before → after: select 1 ${fmt(median(selectBefore))} → ${fmt(median(selectAfter))} ms, ` +
        `insert+commit ${fmt(median(insertBefore))} → ${fmt(median(insertAfter))} ms`,
    );
    printReport(describe, figures, notes, median(selectSamples), median(insertSamples));
  } finally {
    await cleanUp();
  }
}

async function openDatabase(): Promise<{ db: Db; describe: string }> {
  if (usePglite) {
    const handle = await createDb();
    cleanUp = once(() => handle.close());
    await migrateToLatest(handle.db);
    return { db: handle.db, describe: 'PGlite 0.5, in memory, same process' };
  }
  const scratch = await createScratchDatabase('parley_bench');
  const handle = await createDb({ databaseUrl: scratch.url, poolSize: 2 });
  cleanUp = once(async () => {
    await handle.close();
    await scratch.drop();
  });
  await migrateToLatest(handle.db);
  const version = await handle.db
    .selectNoFrom((eb) => eb.fn<string>('current_setting', [eb.val('server_version')]).as('v'))
    .executeTakeFirstOrThrow();
  const host = new URL(scratch.url).host;
  return { db: handle.db, describe: `Postgres ${version.v} at ${host}, a scratch database (dropped at the end)` };
}

interface Setup {
  workspaceId: string;
  inboxId: string;
  agentIds: string[];
  /** A team with no members: conversations routed to it wait, whoever is online. */
  blockedTeamId: string;
}

/** One workspace, one inbox in automatic mode (default capacity 10), five agents who answer it. */
async function createWorkspace(db: Db): Promise<Setup> {
  const workspace = await db
    .insertInto('workspaces')
    .values({ name: 'Bench' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const inbox = await db
    .insertInto('inboxes')
    .values({
      workspace_id: workspace.id,
      name: 'Website',
      site_key: randomBytes(12).toString('hex'),
      allowed_origins: '[]',
      appearance: '{}',
      identity_secret: randomBytes(16).toString('hex'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const users = await db
    .insertInto('users')
    .values(
      Array.from({ length: AGENTS }, (_, i) => ({
        email: `agent${i + 1}-${randomBytes(4).toString('hex')}@bench.test`,
        name: `Agent ${i + 1}`,
        password_hash: 'not used',
      })),
    )
    .returning('id')
    .execute();
  const agentIds = users.map((u) => u.id);
  await db
    .insertInto('memberships')
    .values(agentIds.map((id) => ({ workspace_id: workspace.id, user_id: id, role: 'agent' as const })))
    .execute();
  await db
    .insertInto('inbox_members')
    .values(agentIds.map((id) => ({ inbox_id: inbox.id, user_id: id })))
    .execute();
  const team = await db
    .insertInto('teams')
    .values({ workspace_id: workspace.id, name: 'Nobody' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { workspaceId: workspace.id, inboxId: inbox.id, agentIds, blockedTeamId: team.id };
}

async function createVisitors(db: Db, setup: Setup, count: number): Promise<string[]> {
  const rows = await db
    .insertInto('visitors')
    .values(
      Array.from({ length: count }, () => ({
        workspace_id: setup.workspaceId,
        inbox_id: setup.inboxId,
        name: null,
        email: null,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** A visitor's first message: the conversation opens (as the widget's message.send does), unassigned. */
async function openConversation(db: Db, setup: Setup): Promise<string> {
  const [visitorId] = await createVisitors(db, setup, 1);
  const sent = await sendVisitorMessage(
    db,
    { visitorId: visitorId!, workspaceId: setup.workspaceId, inboxId: setup.inboxId },
    { clientId: randomBytes(8).toString('hex'), body: 'hello' },
  );
  return sent.message.conversationId;
}

/**
 * Waiting conversations at the back of the queue, written directly (the queue reads only the conversation
 * rows); with a team id, for a team nobody can answer.
 */
async function insertWaiting(db: Db, setup: Setup, count: number, teamId: string | null) {
  for (let done = 0; done < count; done += 500) {
    const size = Math.min(500, count - done);
    const visitorIds = await createVisitors(db, setup, size);
    const now = Date.now();
    await db
      .insertInto('conversations')
      .values(
        visitorIds.map((visitorId, i) => ({
          workspace_id: setup.workspaceId,
          inbox_id: setup.inboxId,
          visitor_id: visitorId,
          assignee_id: null,
          last_message_at: new Date(now + i),
          queued_at: new Date(now + i),
          team_id: teamId,
        })),
      )
      .execute();
  }
}

/** Tops the queue up to `waiting` conversations, all for the team nobody answers. */
async function fillQueue(db: Db, setup: Setup, waiting: number) {
  const current = await countWaiting(db, setup);
  if (current < waiting) await insertWaiting(db, setup, waiting - current, setup.blockedTeamId);
  const now = await countWaiting(db, setup);
  if (now !== waiting) throw new Error(`expected ${waiting} waiting, found ${now}`);
}

async function countWaiting(db: Db, setup: Setup): Promise<number> {
  const row = await db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('inbox_id', '=', setup.inboxId)
    .where('status', '=', 'open')
    .where('assignee_id', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every agent at capacity (FULL_CAPACITY each), by routing new conversations to them. */
async function fillAgents(db: Db, setup: Setup) {
  await db
    .updateTable('memberships')
    .set({ capacity: FULL_CAPACITY })
    .where('workspace_id', '=', setup.workspaceId)
    .execute();
  for (let i = 0; i < AGENTS * FULL_CAPACITY; i++) {
    const id = await openConversation(db, setup);
    expectOutcome((await routeConversation(db, id, { onlineAgentIds: setup.agentIds })).outcome, 'assigned');
  }
}

async function resolve(db: Db, conversationId: string) {
  await db
    .updateTable('conversations')
    .set({ status: 'resolved', queued_at: null })
    .where('id', '=', conversationId)
    .execute();
}

async function resolveOpenAssigned(db: Db, setup: Setup) {
  await db
    .updateTable('conversations')
    .set({ status: 'resolved' })
    .where('inbox_id', '=', setup.inboxId)
    .where('status', '=', 'open')
    .where('assignee_id', 'is not', null)
    .execute();
}

/** As an agent resolving their oldest conversation: a place frees up. */
async function resolveOldestAssigned(db: Db, setup: Setup) {
  const oldest = await db
    .selectFrom('conversations')
    .select('id')
    .where('inbox_id', '=', setup.inboxId)
    .where('status', '=', 'open')
    .where('assignee_id', 'is not', null)
    .orderBy('assigned_at')
    .limit(1)
    .executeTakeFirstOrThrow();
  await resolve(db, oldest.id);
}

/**
 * Fresh planner statistics after a bulk change, as autovacuum keeps them on a live database. Without this the
 * planner still believes the inbox has a handful of conversations and joins the queue-state history query with
 * a nested loop over all of them (~40 ms at 1,000 waiting instead of ~3 ms).
 */
async function analyze(db: Db) {
  await sql`analyze conversations, routing_decisions, memberships, visitors`.execute(db);
}

function selectOne(db: Db) {
  return db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
}

/** BEGIN, a one-row insert (a table with a uuid default), COMMIT. */
function insertAndCommit(db: Db) {
  return db.transaction().execute((trx) => trx.insertInto('workspaces').values({ name: 'baseline' }).execute());
}

function expectOutcome(actual: string, expected: string) {
  if (actual !== expected) throw new Error(`expected the routing outcome ${expected}, got ${actual}`);
}

/** Times `work` up to `count` times, stopping early at `budgetMs` or at the run's deadline. */
async function measure(count: number, budgetMs: number, work: () => Promise<unknown>): Promise<number[]> {
  return measureEach(count, budgetMs, async (time) => {
    await time(work);
  });
}

/** Like measure, for iterations with untimed setup: each calls `time` once around the part that counts. */
async function measureEach(
  count: number,
  budgetMs: number,
  iteration: (time: <T>(work: () => Promise<T>) => Promise<T>) => Promise<void>,
): Promise<number[]> {
  const samples: number[] = [];
  const deadline = Math.min(performance.now() + budgetMs, runDeadline);
  for (let i = 0; i < count && performance.now() < deadline; i++) {
    await iteration(async (work) => {
      const start = performance.now();
      const result = await work();
      samples.push(performance.now() - start);
      return result;
    });
  }
  return samples;
}

async function repeat(count: number, budgetMs: number, work: () => Promise<void>) {
  const deadline = Math.min(performance.now() + budgetMs, runDeadline);
  for (let i = 0; i < count && performance.now() < deadline; i++) await work();
}

function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function median(samples: number[]): number {
  return percentile(samples, 0.5);
}

function fmt(ms: number): string {
  return Number.isNaN(ms) ? '–' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

function printReport(describe: string, figures: Figure[], notes: string[], selectMs: number, insertMs: number) {
  const rows = figures.map((f) => {
    const m = median(f.samples);
    return [
      f.label,
      String(f.samples.length),
      fmt(m),
      fmt(percentile(f.samples, 0.99)),
      `${(m / selectMs).toFixed(1)}×`,
      `${(m / insertMs).toFixed(2)}×`,
    ];
  });
  const header = ['figure', 'n', 'median ms', 'p99 ms', '÷ select 1', '÷ insert+commit'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  console.log(`\nParley routing benchmark — ${describe}`);
  console.log(
    `node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, ${((performance.now() - startedAt) / 1000).toFixed(1)} s\n`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log(`
How to read it:
- routing decision: one routeConversation transaction (advisory lock on the inbox, the conversation row
  locked, the candidates' loads counted, the assignment, its event and the decision log written).
- first message → assigned: sendVisitorMessage (the conversation opens) and then routeConversation, one
  after the other as the api does after the commit, with N others waiting in the same inbox for a team
  nobody can answer. The routing of a new conversation does not read the queue, so N should not matter.
- place frees → next in line assigned: all agents full, N waiting in the general queue; an agent resolves
  one (untimed) and the queue pass (routeQueue) reads the queue (up to 1,000 rows) and assigns its head,
  then finds nobody for the next. This is the system's share of a queued visitor's wait; the rest is how
  fast agents free up, N × handling time ÷ agents, which no benchmark of the code can give.
- queue positions: loadQueueState, which the api runs after each change to tell every waiting visitor
  their place; it grows with N.
- tables are ANALYZEd after each bulk change (autovacuum's job on a live database), so plans are realistic.
- ratios divide each median by the baseline medians of this run (taken before and after the rest).`);
  for (const note of notes) console.log(`- ${note}`);
}

function once(work: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= work();
    return running;
  };
}

main()
  .then(() => {
    clearTimeout(hardStop);
  })
  .catch((error) => {
    clearTimeout(hardStop);
    console.error(error);
    process.exitCode = 1;
  });
