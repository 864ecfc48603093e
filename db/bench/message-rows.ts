// What a stored message costs Postgres, by schema variant (the migrated schema against the ones before
// 2026_12_02_0400_hot_conversation_updates and 2026_12_02_0410_append_by_key, and without the full-text
// index to show its share): the visitors' batch statement
// (append_visitor_messages) run back to back on one connection, each call its own commit, as the
// api's MessageAppendBatcher runs it (with --batch 1 also append_visitor_message, what it runs for a send alone).
// The slowest calls are printed too: before 2026_12_03_0130 a call now and then merged the full-text index's
// pending list (80-150 ms).
// With --sender agent: an agent's reply (append_agent_message), before and after 2026_12_03_0110 folded
// the participant's insert into it. Prints the backend's CPU per message (from /proc, so other load on the
// machine matters less than for wall time) and the median time per call, per variant, rounds interleaved.
//   pnpm bench:rows [--batch 5] [--calls 400] [--rounds 5] [--sender visitor|agent]
// Needs the Postgres at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); each
// variant gets a scratch database, dropped at the end.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { appendVisitorMessagesStatement } from '../migrations/2026_12_02_0410_append_by_key.ts';
import { appendAgentMessageStatement } from '../migrations/2026_12_03_0110_agent_reply_joins.ts';
import { createDb } from '../src/create-db.ts';
import { migrateToLatest } from '../src/migrate.ts';
import { createScratchDatabase } from '../src/testing.ts';

const { values } = parseArgs({
  options: {
    batch: { type: 'string', default: '5' },
    calls: { type: 'string', default: '400' },
    rounds: { type: 'string', default: '5' },
    conversations: { type: 'string', default: '500' },
    sender: { type: 'string', default: 'visitor' },
  },
});
const isAgent = values.sender === 'agent';
const batch = Math.min(Number(values.batch), 200);
/** An agent's reply is always a call of its own. */
const perCall = isAgent ? 1 : batch;
const calls = Math.min(Number(values.calls), 5_000);
const rounds = Math.min(Number(values.rounds), 20);
const conversationCount = Math.min(Number(values.conversations), 5_000);

/**
 * batch: append_visitor_messages; one: append_visitor_message (what the api runs for a send alone, only
 * with --batch 1); agent: append_agent_message; agent then join: the same and the participant's insert as
 * its own commit, as the api did before 2026_12_03_0110.
 */
type Call = 'batch' | 'one' | 'agent' | 'agent then join';

interface Variant {
  name: string;
  ddl: string[];
  call: Call;
}

// The first is the baseline the others are compared with.
const visitorVariants: Variant[] = [
  {
    name: 'before 2026_12_02_0400',
    call: 'batch',
    ddl: [
      appendVisitorMessagesStatement('by scan'),
      'alter function append_visitor_messages reset plan_cache_mode',
      'drop index conversations_workspace_status',
      'create index conversations_workspace_status on conversations (workspace_id, status, updated_at desc)',
      'alter table conversations reset (fillfactor)',
    ],
  },
  {
    name: 'before 2026_12_02_0410',
    call: 'batch',
    ddl: [appendVisitorMessagesStatement('by scan'), 'alter function append_visitor_messages reset plan_cache_mode'],
  },
  { name: 'as migrated', ddl: [], call: 'batch' },
  {
    name: '0410 without its generic plan',
    call: 'batch',
    ddl: ['alter function append_visitor_messages reset plan_cache_mode'],
  },
  { name: 'as migrated, no search index', ddl: ['drop index messages_search'], call: 'batch' },
  { name: 'search index fastupdate off', ddl: ['alter index messages_search set (fastupdate = off)'], call: 'batch' },
  {
    name: 'before 0130 (pending list 4 MB)',
    ddl: ['alter index messages_search reset (gin_pending_list_limit)'],
    call: 'batch',
  },
  { name: 'append_visitor_message', ddl: [], call: 'one' },
];

const agentVariants: Variant[] = [
  {
    name: 'before 2026_12_03_0110',
    ddl: ['drop function append_agent_message', appendAgentMessageStatement({ joins: false })],
    call: 'agent then join',
  },
  { name: 'as migrated', ddl: [], call: 'agent' },
];

const variants = isAgent ? agentVariants : visitorVariants.filter((variant) => batch === 1 || variant.call !== 'one');

interface Send {
  visitorId: string;
  workspaceId: string;
  inboxId: string;
  conversationId: string;
  /** The agent every conversation is assigned to. */
  userId: string;
}

interface Target {
  variant: Variant;
  client: pg.Client;
  backendPid: number;
  conversations: Send[];
  drop(): Promise<void>;
  cpuTicks: number;
  messages: number;
  callMs: number[];
}

async function prepare(variant: Variant): Promise<Target> {
  const scratch = await createScratchDatabase('parley_bench_rows');
  try {
    return await fill(variant, scratch);
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

async function fill(variant: Variant, scratch: { url: string; drop(): Promise<void> }): Promise<Target> {
  const handle = await createDb({ databaseUrl: scratch.url });
  await migrateToLatest(handle.db);
  await handle.close();
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  const ids = await client.query<{ workspace_id: string; inbox_id: string }>(`
    with w as (insert into workspaces (name) values ('bench') returning id)
    insert into inboxes (workspace_id, name, site_key, identity_secret)
    select id, 'bench', 'pk_bench', 'secret' from w returning workspace_id, id as inbox_id`);
  const { workspace_id: workspaceId, inbox_id: inboxId } = only(ids.rows);
  const user = await client.query<{ id: string }>(
    `insert into users (email, name, password_hash) values ('agent@bench.test', 'Agent', 'x') returning id`,
  );
  const userId = only(user.rows).id;
  const rows = await client.query<{ visitor_id: string; id: string }>(
    `with v as (
      insert into visitors (workspace_id, inbox_id) select $1, $2 from generate_series(1, $3::int) returning id
    )
    insert into conversations (workspace_id, inbox_id, visitor_id, assignee_id) select $1, $2, id, $4 from v
    returning visitor_id, id`,
    [workspaceId, inboxId, conversationCount, userId],
  );
  for (const statement of variant.ddl) await client.query(statement);
  // What autovacuum would have done by now in a live database: plans follow the table's real size.
  await client.query('analyze');
  await client.query('select pg_stat_reset()');
  const pid = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
  return {
    variant,
    client,
    backendPid: only(pid.rows).pid,
    conversations: rows.rows.map((row) => ({
      visitorId: row.visitor_id,
      workspaceId,
      inboxId,
      conversationId: row.id,
      userId,
    })),
    drop: async () => {
      await client.end();
      await scratch.drop();
    },
    cpuTicks: 0,
    messages: 0,
    callMs: [],
  };
}

function cpuTicksOf(pid: number): number {
  const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

let clientSeq = 0;
async function runRound(target: Target): Promise<void> {
  const before = cpuTicksOf(target.backendPid);
  for (let call = 0; call < calls; call++) {
    const sends = Array.from({ length: perCall }, () => {
      const conversation = only([target.conversations[Math.floor(Math.random() * target.conversations.length)]]);
      clientSeq++;
      return { ...conversation, clientId: `c${clientSeq}`, body: `Hello, I have a question about order ${clientSeq}` };
    });
    const started = performance.now();
    await store(target.client, target.variant.call, sends);
    target.callMs.push(performance.now() - started);
  }
  target.cpuTicks += cpuTicksOf(target.backendPid) - before;
  target.messages += calls * perCall;
}

type Stored = Send & { clientId: string; body: string };

async function store(client: pg.Client, call: Call, sends: Stored[]): Promise<void> {
  const one = only(sends);
  switch (call) {
    case 'batch':
      await client.query(
        `select id from append_visitor_messages($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[])`,
        (['visitorId', 'workspaceId', 'inboxId', 'conversationId', 'clientId', 'body'] as const).map((key) =>
          sends.map((send) => send[key]),
        ),
      );
      return;
    case 'one':
      await client.query(`select id from append_visitor_message($1, $2, $3, $4, $5, $6)`, [
        one.visitorId,
        one.workspaceId,
        one.inboxId,
        one.conversationId,
        one.clientId,
        one.body,
      ]);
      return;
    case 'agent':
    case 'agent then join':
      await client.query(`select id from append_agent_message($1, $2, $3, $4, $5)`, [
        one.conversationId,
        one.workspaceId,
        one.userId,
        one.clientId,
        one.body,
      ]);
      if (call === 'agent then join')
        await client.query(
          `insert into conversation_participants (conversation_id, user_id) values ($1, $2)
          on conflict (conversation_id, user_id) do nothing returning user_id`,
          [one.conversationId, one.userId],
        );
      return;
  }
}

async function hotShare(target: Target): Promise<string> {
  const stats = await target.client.query<{ hot: string; all: string }>(
    `select n_tup_hot_upd as hot, n_tup_upd as all from pg_stat_user_tables where relname = 'conversations'`,
  );
  const { hot, all } = only(stats.rows);
  return `${((Number(hot) / Math.max(1, Number(all))) * 100).toFixed(0)}%`;
}

function only<T>(rows: (T | undefined)[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('expected a row');
  return row;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
}
const median = (values: number[]) => quantile(values, 0.5);

const targets: Target[] = [];
try {
  for (const variant of variants) targets.push(await prepare(variant));
  for (let round = 0; round < rounds; round++) {
    for (const target of targets) await runRound(target);
  }
  const baseline = only(targets.slice(0, 1));
  const cpuPerMessage = (target: Target) => (target.cpuTicks * 10_000) / target.messages; // 100 ticks/s → µs
  console.log(
    `${perCall} ${isAgent ? 'agent replies' : 'visitor messages'} per call, ${calls} calls × ${rounds} rounds per variant, ${conversationCount} conversations`,
  );
  // The statistics collector reports with a delay.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  // The slowest calls show a stall that the median hides (a GIN index merging its pending list).
  const header = ['db CPU µs/msg', 'call p50 ms', 'p99.9 ms', 'max ms', 'HOT updates'].map((title) =>
    title.padStart(14),
  );
  console.log('schema'.padEnd(30), ...header, ' ÷ the first');
  for (const target of targets) {
    console.log(
      target.variant.name.padEnd(30),
      cpuPerMessage(target).toFixed(0).padStart(14),
      median(target.callMs).toFixed(2).padStart(14),
      quantile(target.callMs, 0.999).toFixed(1).padStart(14),
      Math.max(...target.callMs)
        .toFixed(1)
        .padStart(14),
      (await hotShare(target)).padStart(14),
      ` ${(cpuPerMessage(target) / cpuPerMessage(baseline)).toFixed(2)}× CPU, ${(median(target.callMs) / median(baseline.callMs)).toFixed(2)}× time`,
    );
  }
} finally {
  for (const target of targets) await target.drop();
}
