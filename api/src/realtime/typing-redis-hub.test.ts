import { afterAll, describe, expect, test } from 'vitest';
import { dropKeys, freshKeyPrefix, isTestRedisReachable, TEST_REDIS_URL } from '../testing/redis.ts';
import { eventually } from '../testing/test-server.ts';
import type { EphemeralNotice, HubNotice } from './hub.ts';
import { createRedisHub } from './redis-hub.ts';

// The hub's ephemeral channel (typing, read receipts, viewers) between two api processes over Redis.

const hasRedis = await isTestRedisReachable();
const prefix = freshKeyPrefix();
const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  if (hasRedis) await dropKeys(prefix);
});

async function startHub() {
  const hub = createRedisHub({ url: TEST_REDIS_URL, keyPrefix: prefix });
  await hub.ready();
  closers.push(() => hub.close());
  return hub;
}

const typing = (n: number): EphemeralNotice => ({
  conversationId: `c${n}`,
  from: 'visitor-1',
  frame: { type: 'typing', data: { conversationId: `c${n}`, isTyping: true, by: { type: 'visitor' } } },
});

describe.skipIf(!hasRedis)('Redis hub, ephemeral channel', () => {
  test('reaches both processes once, and never the durable listeners of the same topic', async () => {
    const [a, b] = [await startHub(), await startHub()];
    const onA: EphemeralNotice[] = [];
    const onB: EphemeralNotice[] = [];
    const durableOnB: HubNotice[] = [];
    a.subscribeEphemeral('workspace:w1', (n) => onA.push(n));
    b.subscribeEphemeral('workspace:w1', (n) => onB.push(n));
    b.subscribe('workspace:w1', (n) => durableOnB.push(n));
    await new Promise((r) => setTimeout(r, 100)); // the SUBSCRIBE round trip
    for (let n = 1; n <= 5; n++) a.publishEphemeral('workspace:w1', typing(n));
    await eventually(() => expect(onB).toHaveLength(5));
    await new Promise((r) => setTimeout(r, 100));
    expect(onA).toEqual([1, 2, 3, 4, 5].map(typing));
    expect(onB).toEqual(onA);
    expect(durableOnB).toEqual([]);
  });

  test('after unsubscribing, nothing more arrives', async () => {
    const [a, b] = [await startHub(), await startHub()];
    const onB: EphemeralNotice[] = [];
    const unsubscribe = b.subscribeEphemeral('visitor:v1', (n) => onB.push(n));
    await new Promise((r) => setTimeout(r, 100));
    a.publishEphemeral('visitor:v1', typing(1));
    await eventually(() => expect(onB).toHaveLength(1));
    unsubscribe();
    await new Promise((r) => setTimeout(r, 100));
    a.publishEphemeral('visitor:v1', typing(2));
    await new Promise((r) => setTimeout(r, 200));
    expect(onB).toHaveLength(1);
  });
});
