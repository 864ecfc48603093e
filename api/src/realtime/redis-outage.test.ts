import { isRealPostgresSelected } from '@parley/db/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Message } from '../protocol/entities.ts';
import {
  type ApiPair,
  connectVisitor,
  findSiteKey,
  openAgentSocket,
  openVisitorSocket,
  signUp,
  startApiPair,
} from '../testing/api-process.ts';
import { freshKeyPrefix, isTestRedisReachable, type OwnRedis, startOwnRedis } from '../testing/redis.ts';
import { eventually } from '../testing/test-server.ts';
import { delay, type TestSocket } from '../testing/test-socket.ts';

// Redis going away for a while, with two api processes on a redis-server of the test's own (the shared
// one stays untouched): the visitor on A keeps writing and every message is acked and stored; the agent
// on B stops hearing them live; when Redis is back, each process tells its clients to resume, and the
// resumed sockets replay everything from Postgres. Nothing is lost and nobody had to restart anything.

const canRun = isRealPostgresSelected() && (await isTestRedisReachable());
let redis: OwnRedis | undefined;
let pair: ApiPair | undefined;

beforeAll(async () => {
  if (!canRun) return;
  redis = await startOwnRedis();
  pair = await startApiPair({
    databasePrefix: 'parley_redis_outage',
    redisUrl: redis.url,
    redisKeyPrefix: freshKeyPrefix(),
  });
}, 120_000);

afterAll(async () => {
  await pair?.stop();
  await redis?.stop();
}, 30_000);

function bodies(socket: TestSocket, conversationId: string): string[] {
  return socket
    .events(conversationId, 'message.created')
    .map((event) => (event.data as { message: Message }).message.body);
}

test.skipIf(!canRun)(
  'a Redis outage degrades delivery across processes but loses nothing, and recovers by itself',
  async () => {
    const { a, b } = pair!;
    const owner = await signUp(b, 'owner');
    const siteKey = await findSiteKey(b, owner.cookie);
    const agent = await openAgentSocket(b, owner.cookie);
    await agent.hello();
    const visitor = await connectVisitor(a, siteKey);
    const { conversationId } = await visitor.socket.sendAcked({ body: 'before 1' });
    await eventually(() => expect(bodies(agent, conversationId)).toEqual(['before 1']));

    await redis!.stop();
    // Every send is still acked: Postgres, not Redis, is what an ack promises.
    for (const body of ['during 1', 'during 2', 'during 3']) await visitor.socket.sendAcked({ body, conversationId });
    await delay(300);
    expect(bodies(agent, conversationId)).toEqual(['before 1']);

    await redis!.start();
    // B noticed it missed notices and asks its clients to resume.
    const close = await agent.waitForClose({ timeoutMs: 15_000 });
    expect(close.code).toBe(1012);
    const lastSeq = Math.max(...agent.events(conversationId).map((event) => event.data.seq));
    const resumed = await openAgentSocket(b, owner.cookie);
    await resumed.hello([{ conversationId, lastSeq }]);
    expect(bodies(resumed, conversationId)).toEqual(['during 1', 'during 2', 'during 3']);

    // A told its visitor the same; resumed, it writes again and B hears it live.
    expect((await visitor.socket.waitForClose({ timeoutMs: 15_000 })).code).toBe(1012);
    const visitorAgain = await openVisitorSocket(a, visitor.token);
    await visitorAgain.hello([{ conversationId, lastSeq }]);
    await eventually(async () => {
      await visitorAgain.sendAcked({ body: 'after', conversationId });
      await delay(100);
      expect(bodies(resumed, conversationId)).toContain('after');
    }, 10_000);
    const stored = await pair!.db
      .selectFrom('messages')
      .select('body')
      .where('conversation_id', '=', conversationId)
      .execute();
    expect(stored.map((row) => row.body).slice(0, 4)).toEqual(['before 1', 'during 1', 'during 2', 'during 3']);
  },
  60_000,
);
