import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { LocalSocketCounts, type Presence } from './presence.ts';

export interface RedisPresenceOptions {
  url: string;
  keyPrefix: string;
  /** How long this process's word that an agent is online holds without being renewed. */
  ttlMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Presence shared by several api processes: each process writes the agents whose console sockets it
 * holds into one sorted set per workspace (member `userId:processId`, score = when it expires) and
 * renews them every ttl/3. A process that dies stops renewing, so its agents drop out after the ttl and
 * the routing sweeper hands their conversations on. While Redis is away the calls reject (routing
 * waits rather than deciding blind) and the renewals put everything back once it returns.
 */
export function createRedisPresence(options: RedisPresenceOptions): Presence & { ready(): Promise<void> } {
  const processId = randomUUID();
  const ttlMs = options.ttlMs ?? 15_000;
  const redis = new Redis(options.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on('error', options.onError ?? (() => {}));
  const local = new LocalSocketCounts();
  const keyOf = (workspaceId: string) => `${options.keyPrefix}presence:${workspaceId}`;
  const memberOf = (userId: string) => `${userId}:${processId}`;

  async function liveUserIds(workspaceId: string): Promise<Set<string>> {
    const members = await redis.zrangebyscore(keyOf(workspaceId), Date.now(), '+inf');
    return new Set(members.map((member) => member.slice(0, member.indexOf(':'))));
  }

  function announce(workspaceId: string, userId: string) {
    const key = keyOf(workspaceId);
    return redis
      .multi()
      .zadd(key, Date.now() + ttlMs, memberOf(userId))
      .zremrangebyscore(key, '-inf', Date.now())
      .pexpire(key, ttlMs * 2)
      .exec();
  }

  async function renewAll() {
    const entries = [...local.entries()];
    if (entries.length === 0) return;
    const pipeline = redis.pipeline();
    for (const { workspaceId, userId } of entries) {
      pipeline.zadd(keyOf(workspaceId), Date.now() + ttlMs, memberOf(userId)).pexpire(keyOf(workspaceId), ttlMs * 2);
    }
    await pipeline.exec();
  }
  const renewal = setInterval(() => void renewAll().catch(options.onError ?? (() => {})), Math.floor(ttlMs / 3));
  renewal.unref();

  return {
    async ready() {
      await redis.connect();
    },
    async addSocket(workspaceId, userId) {
      if (local.add(workspaceId, userId) > 1) return false;
      const wasOnline = (await liveUserIds(workspaceId)).has(userId);
      await announce(workspaceId, userId);
      return !wasOnline;
    },
    async removeSocket(workspaceId, userId) {
      if (local.remove(workspaceId, userId) !== 0) return false;
      await redis.zrem(keyOf(workspaceId), memberOf(userId));
      return !(await liveUserIds(workspaceId)).has(userId);
    },
    async onlineAgentIds(workspaceId) {
      return [...(await liveUserIds(workspaceId))];
    },
    async close() {
      clearInterval(renewal);
      const entries = [...local.entries()];
      if (entries.length > 0 && redis.status === 'ready') {
        const pipeline = redis.pipeline();
        for (const { workspaceId, userId } of entries) pipeline.zrem(keyOf(workspaceId), memberOf(userId));
        await pipeline.exec().catch(() => {});
      }
      redis.disconnect();
    },
  };
}
