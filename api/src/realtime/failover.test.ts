import { isRealPostgresSelected } from '@parley/db/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Message } from '../protocol/entities.ts';
import {
  type ApiPair,
  type ApiProcess,
  connectVisitor,
  findFreePorts,
  findSiteKey,
  openAgentSocket,
  openVisitorSocket,
  signUp,
  startApiPair,
} from '../testing/api-process.ts';
import { dropKeys, freshKeyPrefix, isTestRedisReachable, TEST_REDIS_URL } from '../testing/redis.ts';
import { type RoundRobinProxy, startRoundRobinProxy } from '../testing/round-robin-proxy.ts';
import { eventually } from '../testing/test-server.ts';
import { newClientId, type TestSocket } from '../testing/test-socket.ts';

// Two api processes behind a round-robin proxy, sharing Postgres and Redis. A visitor on A talks to an
// agent on B; A is killed (SIGKILL) with a message in flight; the visitor reconnects through the proxy,
// lands on B, resumes by seq and resends what was not acked: every message is stored and delivered once.
// Before that, HTTP rate limits are shown to hold across the two processes (Redis-backed).

const canRun = isRealPostgresSelected() && (await isTestRedisReachable());
const redisKeyPrefix = freshKeyPrefix();
let pair: ApiPair | undefined;
let proxy: RoundRobinProxy | undefined;

beforeAll(async () => {
  if (!canRun) return;
  const [proxyPort] = await findFreePorts(1);
  pair = await startApiPair({
    databasePrefix: 'parley_failover',
    redisUrl: TEST_REDIS_URL,
    redisKeyPrefix,
    publicUrl: `http://127.0.0.1:${proxyPort}`,
  });
  const portOf = (api: ApiProcess) => Number(new URL(api.url).port);
  proxy = await startRoundRobinProxy(proxyPort!, [portOf(pair.a), portOf(pair.b)]);
}, 120_000);

afterAll(async () => {
  await proxy?.stop();
  await pair?.stop();
  if (canRun) await dropKeys(redisKeyPrefix);
}, 30_000);

function deliveredBodies(socket: TestSocket, conversationId: string): string[] {
  return socket
    .events(conversationId, 'message.created')
    .map((event) => (event.data as { message: Message }).message.body);
}

test.skipIf(!canRun)('rate limits are shared: login attempts on A and B count against one limit', async () => {
  const { a, b } = pair!;
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 12; attempt++) {
    const api = attempt % 2 === 0 ? a : b;
    const response = await fetch(`${api.url}/v1/auth/login`, {
      method: 'POST',
      headers: { origin: api.publicUrl, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong password' }),
    });
    statuses.push(response.status);
  }
  // 10 per minute per client address, whichever process answers.
  expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
  expect(statuses.slice(10)).toEqual([429, 429]);
});

test.skipIf(!canRun)(
  'killing the visitor’s process loses and doubles nothing: the visitor resumes on the other one',
  async () => {
    const { a, b } = pair!;
    // The console's origin is the proxy's, whichever process answers.
    const viaA = { url: a.url, publicUrl: a.publicUrl };
    const viaB = { url: b.url, publicUrl: b.publicUrl };
    const owner = await signUp(viaB, 'owner');
    const siteKey = await findSiteKey(viaB, owner.cookie);
    const agent = await openAgentSocket(viaB, owner.cookie);
    await agent.hello();

    const visitor = await connectVisitor(viaA, siteKey);
    const first = await visitor.socket.sendAcked({ body: 'message 1' });
    const conversationId = first.conversationId;
    for (let n = 2; n <= 5; n++) await visitor.socket.sendAcked({ body: `message ${n}`, conversationId });
    // Across processes through Redis: the agent on B hears every one, in order.
    await eventually(() =>
      expect(deliveredBodies(agent, conversationId)).toEqual([1, 2, 3, 4, 5].map((n) => `message ${n}`)),
    );

    // Message 6 is on the wire when A dies: it may or may not have been stored, and it was not acked.
    const inFlightClientId = newClientId();
    visitor.socket.sendMessageFrame({ body: 'message 6', conversationId, clientId: inFlightClientId });
    const killed = new Promise((done) => a.child.once('exit', done));
    a.child.kill('SIGKILL');
    await killed;

    // The widget reconnects through the load balancer; A refuses, so it lands on B.
    const lastSeq = Math.max(...visitor.socket.events(conversationId).map((event) => event.data.seq));
    const resumed = await openVisitorSocket({ url: proxy!.url, publicUrl: proxy!.url }, visitor.token);
    await resumed.hello([{ conversationId, lastSeq }]);
    await resumed.sendAcked({ body: 'message 6', conversationId, clientId: inFlightClientId });
    await resumed.sendAcked({ body: 'message 7', conversationId });

    const expected = [1, 2, 3, 4, 5, 6, 7].map((n) => `message ${n}`);
    await eventually(() => expect(deliveredBodies(agent, conversationId)).toEqual(expected));
    const stored = await pair!.db
      .selectFrom('messages')
      .select(['body', 'seq'])
      .where('conversation_id', '=', conversationId)
      .orderBy('seq')
      .execute();
    expect(stored.map((row) => row.body)).toEqual(expected);
    // Shown once on each side: the visitor's replayed and live events together hold each message once.
    const seenByVisitor = [
      ...deliveredBodies(visitor.socket, conversationId),
      ...deliveredBodies(resumed, conversationId),
    ];
    expect(new Set(seenByVisitor)).toEqual(new Set(expected));
    expect(seenByVisitor.filter((body) => body === 'message 7')).toHaveLength(1);
  },
  60_000,
);
