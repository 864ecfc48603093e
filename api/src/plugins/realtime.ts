import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createInProcessHub, type Hub } from '../realtime/hub.ts';
import { createInProcessPresence, type Presence } from '../realtime/presence.ts';

/** What every socket needs, shared: the hub, presence, and the open connections (to drain on shutdown). */
export interface Realtime {
  hub: Hub;
  presence: Presence;
  connections: Set<TrackedConnection>;
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
  shutDown(): Promise<void>;
  close(code: number, reason: string): void;
}

export interface RealtimeOptions {
  hub?: Hub;
  presence?: Presence;
  heartbeatMs?: number;
  offlineGraceMs?: number;
  sweepIntervalMs?: number;
}

export const realtimePlugin = fp(async (app: FastifyInstance, options: RealtimeOptions) => {
  const connections = new Set<TrackedConnection>();
  const realtime: Realtime = {
    hub: options.hub ?? createInProcessHub(),
    presence: options.presence ?? createInProcessPresence(),
    connections,
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
  app.addHook('onClose', async () => realtime.hub.close());
});
