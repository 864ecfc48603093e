import { Redis } from 'ioredis';
import { afterAll, describe, expect, test } from 'vitest';
import { dropKeys, freshKeyPrefix, isTestRedisReachable, startOwnRedis, TEST_REDIS_URL } from '../testing/redis.ts';
import { eventually } from '../testing/test-server.ts';
import type { HubNotice } from './hub.ts';
import { createRedisHub } from './redis-hub.ts';
import { createRedisPresence } from './redis-presence.ts';

// The Redis hub and presence as two api processes would use them: two instances each, one Redis.

const hasRedis = await isTestRedisReachable();
const prefix = freshKeyPrefix();
const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  if (hasRedis) await dropKeys(prefix);
});

async function startHub(url = TEST_REDIS_URL, onMissedNotices?: () => void) {
  const hub = createRedisHub({ url, keyPrefix: prefix, onMissedNotices });
  await hub.ready();
  closers.push(() => hub.close());
  return hub;
}

async function startPresence(ttlMs?: number) {
  const presence = createRedisPresence({ url: TEST_REDIS_URL, keyPrefix: prefix, ttlMs });
  await presence.ready();
  closers.push(() => presence.close());
  return presence;
}

function notice(n: number): HubNotice {
  return {
    workspaceId: 'w1',
    frame: { type: 'queue.summary', data: { inboxId: `i${n}`, length: n, oldestQueuedAt: null } },
  };
}

describe.skipIf(!hasRedis)('Redis hub', () => {
  test('a notice reaches listeners on both processes exactly once, in order', async () => {
    const [a, b] = [await startHub(), await startHub()];
    const onA: HubNotice[] = [];
    const onB: HubNotice[] = [];
    a.subscribe('topic-1', (n) => onA.push(n));
    b.subscribe('topic-1', (n) => onB.push(n));
    await new Promise((r) => setTimeout(r, 100)); // the SUBSCRIBE round trip
    for (let n = 1; n <= 20; n++) a.publish('topic-1', notice(n));
    await eventually(() => expect(onB).toHaveLength(20));
    await new Promise((r) => setTimeout(r, 100));
    expect(onA).toEqual(Array.from({ length: 20 }, (_, i) => notice(i + 1)));
    expect(onB).toEqual(onA);
  });

  test('after unsubscribing, nothing more arrives', async () => {
    const [a, b] = [await startHub(), await startHub()];
    const onB: HubNotice[] = [];
    const unsubscribe = b.subscribe('topic-2', (n) => onB.push(n));
    await new Promise((r) => setTimeout(r, 100));
    a.publish('topic-2', notice(1));
    await eventually(() => expect(onB).toHaveLength(1));
    unsubscribe();
    await new Promise((r) => setTimeout(r, 100));
    a.publish('topic-2', notice(2));
    await new Promise((r) => setTimeout(r, 200));
    expect(onB).toEqual([notice(1)]);
  });

  test('Redis going away: local listeners still hear everything; once it is back, the hub says notices were missed and delivery resumes', async () => {
    const own = await startOwnRedis();
    closers.push(() => own.stop());
    let missed = 0;
    const a = await startHub(own.url);
    const b = await startHub(own.url, () => missed++);
    const onA: HubNotice[] = [];
    const onB: HubNotice[] = [];
    a.subscribe('topic-3', (n) => onA.push(n));
    b.subscribe('topic-3', (n) => onB.push(n));
    await new Promise((r) => setTimeout(r, 100));

    await own.stop();
    a.publish('topic-3', notice(1));
    expect(onA).toEqual([notice(1)]);

    await own.start();
    await eventually(() => expect(missed).toBe(1), 10_000);
    // Resubscribed by itself: new notices flow again.
    await eventually(async () => {
      a.publish('topic-3', notice(2));
      await new Promise((r) => setTimeout(r, 50));
      expect(onB.length).toBeGreaterThan(0);
    }, 10_000);
    expect(onB[0]).toEqual(notice(2));
  }, 30_000);
});

describe.skipIf(!hasRedis)('Redis presence', () => {
  test('an agent is online while any process holds a socket of theirs; first and last are reported once', async () => {
    const [a, b] = [await startPresence(), await startPresence()];
    expect(await a.addSocket('w2', 'u1')).toBe(true);
    expect(await b.onlineAgentIds('w2')).toEqual(['u1']);
    expect(await b.addSocket('w2', 'u1')).toBe(false); // already online through A
    expect(await a.addSocket('w2', 'u1')).toBe(false); // A's second tab
    expect(await a.removeSocket('w2', 'u1')).toBe(false);
    expect(await a.removeSocket('w2', 'u1')).toBe(false); // B still holds one
    expect(await a.onlineAgentIds('w2')).toEqual(['u1']);
    expect(await b.removeSocket('w2', 'u1')).toBe(true);
    expect(await a.onlineAgentIds('w2')).toEqual([]);
    expect(await a.onlineAgentIds('another-workspace')).toEqual([]);
  });

  test('a process that stops renewing (it died) drops out after the ttl; one that lives renews', async () => {
    const living = await startPresence(300);
    await living.addSocket('w3', 'alive');
    // A dead process's entry: written once, never renewed.
    const redis = new Redis(TEST_REDIS_URL);
    closers.push(async () => redis.disconnect());
    await redis.zadd(`${prefix}presence:w3`, Date.now() + 300, 'dead:some-process');
    expect((await living.onlineAgentIds('w3')).sort()).toEqual(['alive', 'dead']);
    await new Promise((r) => setTimeout(r, 700));
    expect(await living.onlineAgentIds('w3')).toEqual(['alive']);
  });
});
