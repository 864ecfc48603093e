import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { createDb, type DbHandle } from '@parley/db';
import { createScratchDatabase, isRealPostgresSelected } from '@parley/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AGENT_WS_PATH, SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX, WIDGET_WS_PATH } from '../protocol/constants.ts';
import type { InboxList, Me, WidgetSession } from '../protocol/rest.ts';
import { moveAgentToWorkspace } from '../testing/move-agent.ts';
import { dropKeys, freshKeyPrefix, isTestRedisReachable, TEST_REDIS_URL } from '../testing/redis.ts';
import { nextFrameId, openSocket, type TestSocket } from '../testing/test-socket.ts';

// "Routing is correct with several api processes": two real api processes (node --import tsx
// api/src/server.ts) share one Postgres database and one Redis (presence and the hub). Every routing
// decision is taken in the database under a per-inbox advisory lock, so no conversation is ever assigned
// twice. Agent 1 is online on A only and agents 2 and 3 on B only; with shared presence each process
// routes to all three, so the 20 conversations split 7/7/6 whichever process a visitor is on, and each
// visitor hears their assignment through Redis even when the other process made it. The second test makes
// both processes work through the same queue at the same moment, which is where a double assignment
// would show.

const root = resolve(import.meta.dirname, '../../..');
/** The host site whose visitors chat; the config adds it to the first inbox's allowed origins. */
const SITE_ORIGIN = 'http://127.0.0.1:3001';
const PASSWORD = 'correct horse battery staple';
const DEFAULT_CAPACITY = 10;
const STOP_GRACE_MS = 5_000;
/** Every client socket opened here, closed before the processes are stopped. */
const openedSockets: TestSocket[] = [];

interface ApiProcess {
  name: string;
  child: ChildProcess;
  publicUrl: string;
  log(): string;
}

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
  let scratch: { url: string; drop(): Promise<void> } | undefined;
  let handle: DbHandle | undefined;
  const processes: ApiProcess[] = [];
  let a: ApiProcess;
  let b: ApiProcess;
  let agents: Agent[] = [];
  let workspaceId: string;
  let siteKey: string;
  const firstWave: string[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase('parley_two_procs');
    handle = await createDb({ databaseUrl: scratch.url, poolSize: 2 });
    const [portA, portB] = await findFreePorts(2);
    // A migrates the fresh database before B starts, so the two never race on the migrations.
    a = await startApi('A', portA!, scratch.url, processes);
    b = await startApi('B', portB!, scratch.url, processes);

    const owner = await signUp(a, 'owner');
    const second = await signUp(a, 'second');
    const third = await signUp(a, 'third');
    workspaceId = owner.me.workspace.id;
    for (const agent of [second, third]) await moveAgentToWorkspace(handle.db, agent.me.user.id, workspaceId);
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
    for (const socket of openedSockets) socket.close();
    await Promise.all(processes.map(stopApi));
    await handle?.close();
    await scratch?.drop();
    await dropKeys(redisKeyPrefix);
  }, 30_000);

  test('20 visitors writing at once on both processes: each conversation is assigned once, within capacity, evenly across all agents', async () => {
    const db = handle!.db;
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
    const db = handle!.db;
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

/** Ports below 32768 (the ephemeral range starts there) that nothing listens on now. */
async function findFreePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let attempt = 0; attempt < 200 && ports.length < count; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (!ports.includes(port) && (await isPortFree(port))) ports.push(port);
  }
  if (ports.length < count) throw new Error('no free port below 32768');
  return ports;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

async function startApi(name: string, port: number, databaseUrl: string, started: ApiProcess[]): Promise<ApiProcess> {
  const publicUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: publicUrl,
      EXAMPLE_SITE_URL: SITE_ORIGIN,
      LOG_LEVEL: 'warn',
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: redisKeyPrefix,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const api = { name, child, publicUrl, log: () => output };
  started.push(api);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`api ${name} exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${publicUrl}/health/ready`)).ok) return api;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`api ${name} was not ready within 60 s:\n${output}`);
}

/** SIGTERM (the api drains), then SIGKILL if it is still there after 5 s. */
async function stopApi(api: ApiProcess): Promise<void> {
  const { child } = api;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

async function signUp(api: ApiProcess, name: string): Promise<{ cookie: string; me: Me }> {
  const response = await fetch(`${api.publicUrl}/v1/auth/signup`, {
    method: 'POST',
    headers: { origin: api.publicUrl, 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${name}-${randomUUID().slice(0, 8)}@example.test`, password: PASSWORD, name }),
  });
  const body = await response.json();
  if (response.status !== 201) throw new Error(`signup failed: ${response.status} ${JSON.stringify(body)}`);
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('parley_session=')) ?? '';
  const token = /^parley_session=([^;]*)/.exec(setCookie)?.[1];
  if (!token) throw new Error('signup set no session cookie');
  return { cookie: `parley_session=${token}`, me: body as Me };
}

async function findSiteKey(api: ApiProcess, cookie: string): Promise<string> {
  const response = await fetch(`${api.publicUrl}/v1/inboxes`, { headers: { cookie, origin: api.publicUrl } });
  const body = (await response.json()) as InboxList;
  const inbox = body.inboxes?.[0];
  if (!inbox) throw new Error(`no inbox: ${response.status} ${JSON.stringify(body)}`);
  return inbox.siteKey;
}

async function openAgentSocket(api: ApiProcess, cookie: string): Promise<TestSocket> {
  const socket = await openSocket(`${api.publicUrl.replace(/^http/, 'ws')}${AGENT_WS_PATH}`, {
    protocols: [SUBPROTOCOL],
    origin: api.publicUrl,
    headers: { cookie },
  });
  openedSockets.push(socket);
  return socket;
}

async function connectVisitor(api: ApiProcess, siteKey: string): Promise<{ socket: TestSocket }> {
  const response = await fetch(`${api.publicUrl}/v1/widget/session`, {
    method: 'POST',
    headers: { origin: SITE_ORIGIN, 'content-type': 'application/json' },
    body: JSON.stringify({ siteKey }),
  });
  const session = (await response.json()) as WidgetSession;
  if (response.status !== 200) throw new Error(`widget session failed: ${response.status} ${JSON.stringify(session)}`);
  const socket = await openSocket(`${api.publicUrl.replace(/^http/, 'ws')}${WIDGET_WS_PATH}`, {
    protocols: [SUBPROTOCOL, `${TOKEN_SUBPROTOCOL_PREFIX}${session.token}`],
    origin: SITE_ORIGIN,
  });
  openedSockets.push(socket);
  await socket.hello();
  return { socket };
}

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
