import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { ConnectionObserver } from '../realtime/connection.ts';

export interface Metrics {
  registry: Registry;
  /** One shared observer per kind of socket, so a connection carries no closures of its own for metrics. */
  observers: Record<'visitor' | 'agent', ConnectionObserver>;
  connections: Gauge<'kind'>;
  commands: Counter<'kind' | 'type' | 'result'>;
  commandSeconds: Histogram<'kind' | 'type'>;
  errors: Counter<'transport' | 'code'>;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

/**
 * Prometheus figures at GET /metrics: sockets open, commands and their latency (receipt to ack, so a
 * message's includes its commit), errors by code for REST and WebSocket, the queues, and the process.
 * Each app has its own registry (tests build several per process). Served to loopback callers, or to
 * anyone with `Authorization: Bearer $METRICS_TOKEN` when that is set.
 */
export const metricsPlugin = fp(async (app: FastifyInstance) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'parley_' });
  const instruments = {
    registry,
    connections: new Gauge({
      name: 'parley_ws_connections',
      help: 'Open WebSocket connections',
      labelNames: ['kind'],
      registers: [registry],
    }),
    commands: new Counter({
      name: 'parley_ws_commands_total',
      help: 'WebSocket commands answered, by result (ack or error)',
      labelNames: ['kind', 'type', 'result'],
      registers: [registry],
    }),
    commandSeconds: new Histogram({
      name: 'parley_ws_command_seconds',
      help: 'From receiving a command to sending its ack or error (a message.send includes its commit)',
      labelNames: ['kind', 'type'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'parley_errors_total',
      help: 'Errors answered to clients, by transport and code',
      labelNames: ['transport', 'code'],
      registers: [registry],
    }),
  };
  new Gauge({
    name: 'parley_queue_waiting',
    help: 'Open conversations waiting for an agent, all inboxes',
    registers: [registry],
    async collect() {
      this.set(await countWaiting(app));
    },
  });
  new Gauge({
    name: 'parley_queue_oldest_wait_seconds',
    help: 'How long the longest-waiting conversation has waited, all inboxes',
    registers: [registry],
    async collect() {
      this.set(await oldestWaitSeconds(app));
    },
  });
  const { commands, commandSeconds, errors } = instruments;
  const observerFor = (kind: 'visitor' | 'agent'): ConnectionObserver => ({
    commandAnswered(type, seconds, errorCode) {
      commands.inc({ kind, type, result: errorCode ? 'error' : 'ack' });
      commandSeconds.observe({ kind, type }, seconds);
      if (errorCode) errors.inc({ transport: 'ws', code: errorCode });
    },
    refused: (code) => errors.inc({ transport: 'ws', code }),
  });
  const metrics: Metrics = {
    ...instruments,
    observers: { visitor: observerFor('visitor'), agent: observerFor('agent') },
  };
  app.decorate('metrics', metrics);

  app.get('/metrics', { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } }, async (request, reply) => {
    if (!isAllowed(request, process.env.METRICS_TOKEN)) {
      return reply.status(403).send({ code: 'auth/forbidden', message: 'Metrics are for loopback or METRICS_TOKEN.' });
    }
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
});

function isAllowed(request: FastifyRequest, token: string | undefined): boolean {
  if (token) return request.headers.authorization === `Bearer ${token}`;
  // The socket's own peer, not X-Forwarded-For: behind a proxy, set METRICS_TOKEN.
  const peer = request.socket.remoteAddress ?? '';
  return peer === '127.0.0.1' || peer === '::1' || peer === '::ffff:127.0.0.1';
}

async function countWaiting(app: FastifyInstance): Promise<number> {
  const row = await app.db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', '=', 'open')
    .where('assignee_id', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function oldestWaitSeconds(app: FastifyInstance): Promise<number> {
  const { rows } = await sql<{ seconds: number | null }>`
    select extract(epoch from now() - min(queued_at))::float8 as seconds
    from conversations where status = 'open' and assignee_id is null`.execute(app.db);
  return rows[0]?.seconds ?? 0;
}
