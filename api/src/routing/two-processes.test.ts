import type { DbHandle } from '@parley/db';
import { isRealPostgresSelected } from '@parley/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Me } from '../protocol/rest.ts';
import {
  type ApiPair,
  type ApiProcess,
  connectVisitor,
  findSiteKey,
  openAgentSocket,
  signUp,
  startApiPair,
} from '../testing/api-process.ts';
import { moveAgentToWorkspace } from '../testing/move-agent.ts';
import { dropKeys, freshKeyPrefix, isTestRedisReachable, TEST_REDIS_URL } from '../testing/redis.ts';
import { nextFrameId, type TestSocket } from '../testing/test-socket.ts';

// "Routing is correct with several api processes": two real api processes (node --import tsx
// api/src/server.ts) share one Postgres database and one Redis (presence and the hub). Every routing
// decision is taken in the database under a per-inbox advisory lock, so no conversation is ever assigned
// twice. Agent 1 is online on A only and agents 2 and 3 on B only; with shared presence each process
// routes to all three, so the 20 conversations split 7/7/6 whichever process a visitor is on, and each
// visitor hears their assignment through Redis even when the other process made it. The second test makes
// both processes work through the same queue at the same moment, which is where a double assignment
// would show.

const DEFAULT_CAPACITY = 10;

interface Agent {
  cookie: string;
  me: Me;
  process: ApiProcess;
  socket?: TestSocket;
}

// PGlite is a single-process embedded database: two api processes can only share a real Postgres.
const canRun = isRealPostgresSelected() && (await isTestRedisReachable());
const redisKeyPrefix = freshKeyPrefix();

describe.skipIf(!canRun)('two api processes against one Postgres and one Redis', () => {
  let pair: ApiPair | undefined;
  let a: ApiProcess;
  let b: ApiProcess;
  let agents: Agent[] = [];
  let workspaceId: string;
  let siteKey: string;
  const firstWave: string[] = [];

  beforeAll(async () => {
    pair = await startApiPair({ databasePrefix: 'parley_two_procs', redisUrl: TEST_REDIS_URL, redisKeyPrefix });
    ({ a, b } = pair);

    const owner = await signUp(a, 'owner');
    const second = await signUp(a, 'second');
    const third = await signUp(a, 'third');
    workspaceId = owner.me.workspace.id;
    for (const agent of [second, third]) await moveAgentToWorkspace(pair.db, agent.me.user.id, workspaceId);
    siteKey = await findSiteKey(a, owner.cookie);

    agents = [
      { ...owner, process: a },
      { ...second, process: b },
      { ...third, process: b },
    ];
    for (const agent of agents) {
      agent.socket = await openAgentSocket(agent.process, agent.cookie);
      await agent.socket.hello();
    }
  }, 120_000);

  afterAll(async () => {
    await pair?.stop();
    await dropKeys(redisKeyPrefix);
  }, 30_000);

  test('20 visitors writing at once on both processes: each conversation is assigned once, within capacity, evenly across all agents', async () => {
    const db = pair!.db;
    const visitors = await Promise.all(
      Array.from({ length: 20 }, (_, i) => connectVisitor(i < 10 ? a : b, siteKey).then((v) => ({ ...v, index: i }))),
    );
    // Every first message at once.
    const sent = await Promise.all(visitors.map(({ socket }) => socket.sendAcked({ body: 'hello, anyone there?' })));
    const conversationIds = sent.map((message) => message.conversationId);
    firstWave.push(...conversationIds);
    expect(new Set(conversationIds).size).toBe(20);

    await waitUntil(async () => (await countUnassigned(db, conversationIds)) === 0, 15_000, 'all 20 assigned', [a, b]);
    const assignments = await checkAssignedOnce(db, conversationIds);

    // Each visitor hears their assignment, whichever process made it (the hub crosses processes through Redis).
    await Promise.all(
      visitors.map(({ socket }, i) =>
        socket.waitFor(
          (frame) => frame.type === 'conversation.assigned' && frame.data.conversationId === conversationIds[i],
          {
            description: `conversation.assigned for ${conversationIds[i]}`,
          },
        ),
      ),
    );

    // Fair across processes: fewest open conversations first, so 7/7/6 in some order.
    const load = countPerAgent(assignments);
    expect([...load.values()].sort()).toEqual([6, 7, 7]);
    // Both processes made decisions for agents on the other process.
    const viaA = conversationIds.slice(0, 10).map((id) => assignments.get(id));
    const agentsOnB = new Set(agents.slice(1).map((agent) => agent.me.user.id));
    expect(viaA.some((userId) => userId && agentsOnB.has(userId))).toBe(true);
    for (const count of load.values()) expect(count).toBeLessThanOrEqual(DEFAULT_CAPACITY);
    await checkOpenWithinCapacity(db, workspaceId);
  }, 60_000);

  test('both processes working through the same queue at the same moment never assign a conversation twice', async () => {
    const db = pair!.db;
    // Everyone starts from nothing open, and new conversations wait (manual routing) until both
    // processes are told, at the same moment, that an agent is available.
    await db
      .updateTable('conversations')
      .set({ status: 'resolved', queued_at: null })
      .where('workspace_id', '=', workspaceId)
      .execute();
    await db.updateTable('inboxes').set({ routing_mode: 'manual' }).where('workspace_id', '=', workspaceId).execute();

    const visitors = await Promise.all(
      Array.from({ length: 30 }, (_, i) => connectVisitor(i % 2 === 0 ? a : b, siteKey)),
    );
    const sent = await Promise.all(visitors.map(({ socket }) => socket.sendAcked({ body: 'still there?' })));
    const conversationIds = sent.map((message) => message.conversationId);
    expect(new Set(conversationIds).size).toBe(30);
    // Each process logs its "queued" decision after the ack; wait for all, so none is still being routed.
    await waitUntil(
      async () => {
        const row = await db
          .selectFrom('routing_decisions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('conversation_id', 'in', conversationIds)
          .where('outcome', '=', 'queued')
          .executeTakeFirstOrThrow();
        return Number(row.n) === 30;
      },
      10_000,
      '30 queued decisions',
      [a, b],
    );
    expect(await countUnassigned(db, conversationIds)).toBe(30);

    // Back to automatic; agent 1 (on A) and agent 2 (on B) say they are available at once, so each
    // process runs a queue pass over the same 30 conversations, in the same order, concurrently.
    await db.updateTable('inboxes').set({ routing_mode: 'auto' }).where('workspace_id', '=', workspaceId).execute();
    const [first, second] = agents;
    const answers = await Promise.all(
      [first!, second!].map((agent) => {
        const id = nextFrameId();
        agent.socket!.send({ type: 'presence.set', id, data: { status: 'online' } });
        return agent.socket!.waitForAnswer(id);
      }),
    );
    for (const answer of answers) expect(answer.type).toBe('ack');

    // Capacity is 3 × 10 = 30, exactly the queue: both processes fill all three agents, none beyond capacity.
    await waitUntil(async () => (await countUnassigned(db, conversationIds)) === 0, 15_000, 'all 30 assigned', [a, b]);
    const assignments = await checkAssignedOnce(db, conversationIds);
    const load = countPerAgent(assignments);
    for (const agent of agents) expect(load.get(agent.me.user.id)).toBe(DEFAULT_CAPACITY);
    await checkOpenWithinCapacity(db, workspaceId);

    // The first wave is untouched: still exactly one assignment each.
    await checkAssignedOnce(db, firstWave);
  }, 60_000);
});

async function countUnassigned(db: DbHandle['db'], conversationIds: string[]): Promise<number> {
  const row = await db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', 'in', conversationIds)
    .where('assignee_id', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Every conversation has exactly one conversation.assigned event, and conversations.assignee_id is the
 * agent it names. Returns conversation id → assignee id.
 */
async function checkAssignedOnce(db: DbHandle['db'], conversationIds: string[]): Promise<Map<string, string>> {
  const events = await db
    .selectFrom('conversation_events')
    .select(['conversation_id', sql<string>`data->'assignee'->>'id'`.as('assignee_id')])
    .where('conversation_id', 'in', conversationIds)
    .where('type', '=', 'conversation.assigned')
    .execute();
  const rows = await db
    .selectFrom('conversations')
    .select(['id', 'assignee_id'])
    .where('id', 'in', conversationIds)
    .execute();
  const eventsPer = new Map<string, string[]>();
  for (const event of events)
    eventsPer.set(event.conversation_id, [...(eventsPer.get(event.conversation_id) ?? []), event.assignee_id]);
  const assignments = new Map<string, string>();
  for (const id of conversationIds) {
    const assigned = eventsPer.get(id) ?? [];
    expect(assigned, `conversation.assigned events of ${id}`).toHaveLength(1);
    const row = rows.find((r) => r.id === id);
    expect(row?.assignee_id, `assignee_id of ${id}`).toBe(assigned[0]);
    assignments.set(id, assigned[0]!);
  }
  return assignments;
}

function countPerAgent(assignments: Map<string, string>): Map<string, number> {
  const load = new Map<string, number>();
  for (const agentId of assignments.values()) load.set(agentId, (load.get(agentId) ?? 0) + 1);
  return load;
}

/** No agent holds more open conversations than their capacity (theirs, or the inbox default). */
async function checkOpenWithinCapacity(db: DbHandle['db'], workspaceId: string) {
  // The workspace has one inbox, whose default applies to agents without their own capacity.
  const { rows } = await sql<{ user_id: string; open: number; capacity: number }>`
    select m.user_id,
      (select count(*)::int from conversations c
        where c.assignee_id = m.user_id and c.workspace_id = m.workspace_id and c.status = 'open') as open,
      coalesce(m.capacity, (select min(i.default_capacity) from inboxes i where i.workspace_id = m.workspace_id)) as capacity
    from memberships m
    where m.workspace_id = ${workspaceId}
  `.execute(db);
  expect(rows).toHaveLength(3);
  for (const row of rows) expect(row.open, `open conversations of ${row.user_id}`).toBeLessThanOrEqual(row.capacity);
}

async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
  apis: ApiProcess[],
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  const logs = apis.map((api) => `--- api ${api.name}:\n${api.log().slice(-2000)}`).join('\n');
  throw new Error(`${what}: not within ${timeoutMs} ms\n${logs}`);
}
