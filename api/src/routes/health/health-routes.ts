import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';

export async function healthRoutes(app: FastifyInstance) {
  let isShuttingDown = false;
  app.addHook('preClose', async () => {
    isShuttingDown = true;
  });

  /** The process is up. */
  app.get('/health/live', async () => ({ status: 'ok' }));

  /** The process can serve: the database answers and it is not shutting down. */
  app.get('/health/ready', async (_request, reply) => {
    if (isShuttingDown) return reply.status(503).send({ code: 'server/unavailable', message: 'Shutting down.' });
    try {
      await sql`select 1`.execute(app.db);
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ code: 'server/unavailable', message: 'The database is not answering.' });
    }
  });
}
