import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { CLOSE_CODES } from '../protocol/constants.ts';

const CHUNK = 500;

/**
 * Every sweep interval, closes this process's agent sockets whose session no longer exists: one signed
 * out, changed password or was deactivated through another api process (the process that did it closes
 * its own sockets at once).
 */
export const sessionSweeperPlugin = fp(async (app: FastifyInstance) => {
  const log = app.log.child({ component: 'session-sweeper' });
  let isSweeping = false;

  const sweep = async () => {
    if (isSweeping) return;
    isSweeping = true;
    try {
      await closeSocketsOfEndedSessions(app);
    } catch (error) {
      log.error({ err: error }, 'session sweep failed');
    } finally {
      isSweeping = false;
    }
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => void sweep(), app.realtime.sweepIntervalMs);
    timer.unref();
  });
  app.addHook('preClose', async () => clearInterval(timer));
});

async function closeSocketsOfEndedSessions(app: FastifyInstance) {
  const sessionIds = [...new Set([...app.realtime.connections].flatMap((c) => (c.sessionId ? [c.sessionId] : [])))];
  for (let start = 0; start < sessionIds.length; start += CHUNK) {
    const chunk = sessionIds.slice(start, start + CHUNK);
    const rows = await app.db.selectFrom('sessions').select('id').where('id', 'in', chunk).execute();
    const alive = new Set(rows.map((row) => row.id));
    for (const sessionId of chunk)
      if (!alive.has(sessionId)) app.realtime.closeSessionSockets(sessionId, CLOSE_CODES.unauthorized);
  }
}
