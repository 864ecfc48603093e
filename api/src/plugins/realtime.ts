import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type Coalescer, createCoalescer } from '../realtime/coalesce.ts';
import { createInProcessHub, type Hub } from '../realtime/hub.ts';
import { createInProcessPresence, type Presence } from '../realtime/presence.ts';
import { createRedisHub } from '../realtime/redis-hub.ts';
import { createRedisPresence } from '../realtime/redis-presence.ts';
import { WorkspaceChanges } from '../realtime/workspace-changes.ts';
import { loadConversationSummaries } from '../services/conversations/load-summaries.ts';

/** What every socket needs, shared: the hub, presence, and the open connections (to drain on shutdown). */
export interface Realtime {
  hub: Hub;
  presence: Presence;
  connections: Set<TrackedConnection>;
  /** Queue passes and queue-state broadcasts, one at a time per inbox (see coalesce.ts). */
  passes: Coalescer;
  /** Batched summaries of the conversations agent sockets do not follow event by event. */
  changes: WorkspaceChanges;
  heartbeatMs?: number;
  /** How long an agent may be gone (reload, flaky network) before their conversations go back to the queue. */
  offlineGraceMs: number;
  /** How often unanswered assignments are looked for. */
  sweepIntervalMs: number;
  /** Closes the sockets a session opened (logout, password change). */
  closeSessionSockets(sessionId: string, code: number): void;
  /** Tells every client to reconnect after its commands under way are acked. */
  shutDown(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    realtime: Realtime;
  }
}

export interface TrackedConnection {
  sessionId?: string;
  userId?: string;
  /** The hub topic it hears (`visitor:<id>` for a widget socket), so deleting or merging a contact can close it. */
  topic?: string;
  shutDown(): Promise<void>;
  close(code: number, reason: string): void;
}

export interface RealtimeOptions {
  /** Share the hub and presence with other api processes through this Redis (REDIS_URL). */
  redis?: { url: string; keyPrefix: string };
  hub?: Hub;
  presence?: Presence;
  heartbeatMs?: number;
  offlineGraceMs?: number;
  sweepIntervalMs?: number;
  /** How often agents hear which conversations they do not follow changed. */
  changesIntervalMs?: number;
  /** A conversation that keeps changing gets its whole summary again after one to two of these (10 s). */
  summaryWindowMs?: number;
}

export const realtimePlugin = fp(async (app: FastifyInstance, options: RealtimeOptions) => {
  const connections = new Set<TrackedConnection>();
  const { hub, presence } = await createSharedState(app, options, connections);
  const realtime: Realtime = {
    hub,
    presence,
    connections,
    passes: createCoalescer(),
    changes: new WorkspaceChanges({
      hub,
      load: (workspaceId, ids) => loadConversationSummaries(app.db, workspaceId, ids),
      intervalMs: options.changesIntervalMs ?? 250,
      summaryWindowMs: options.summaryWindowMs,
      onError: (error) => app.log.error({ err: error }, 'conversation summaries failed'),
    }),
    heartbeatMs: options.heartbeatMs,
    offlineGraceMs: options.offlineGraceMs ?? 30_000,
    sweepIntervalMs: options.sweepIntervalMs ?? 5_000,
    closeSessionSockets(sessionId, code) {
      for (const connection of connections)
        if (connection.sessionId === sessionId) connection.close(code, 'signed out');
    },
    async shutDown() {
      await Promise.all([...connections].map((connection) => connection.shutDown()));
    },
  };
  app.decorate('realtime', realtime);
  app.addHook('onClose', async () => {
    await realtime.presence.close();
    await realtime.hub.close();
  });
});

async function createSharedState(
  app: FastifyInstance,
  options: RealtimeOptions,
  connections: Set<TrackedConnection>,
): Promise<{ hub: Hub; presence: Presence }> {
  if (!options.redis) {
    return { hub: options.hub ?? createInProcessHub(), presence: options.presence ?? createInProcessPresence() };
  }
  const log = app.log.child({ component: 'redis' });
  const onError = (error: unknown) => log.warn({ err: error }, 'redis unavailable');
  const hub = createRedisHub({
    ...options.redis,
    onError,
    // Other processes' notices were lost meanwhile: every client resumes from its last seq.
    onMissedNotices: () => {
      log.warn('redis is back: clients resume to catch up');
      for (const connection of connections) connection.close(1012, 'resume to catch up');
    },
  });
  const presence = createRedisPresence({ ...options.redis, onError });
  // Boot waits for Redis once, so a wrong REDIS_URL fails loudly; later outages only degrade.
  try {
    await Promise.all([hub.ready(), presence.ready()]);
  } catch (error) {
    await Promise.all([hub.close(), presence.close()]);
    throw new Error(`Could not reach Redis at REDIS_URL: ${(error as Error).message}`);
  }
  return { hub, presence };
}
