import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { returnConversations } from '../realtime/after-commit.ts';
import { findUnansweredAssignments } from '../routing/find-unanswered.ts';

/** Every few seconds: conversations whose agent did not reply in time go back to the queue, to someone else. */
export const routingSweeperPlugin = fp(async (app: FastifyInstance) => {
  let isSweeping = false;
  const sweep = async () => {
    if (isSweeping) return;
    isSweeping = true;
    try {
      for (const { id, assignee_id } of await findUnansweredAssignments(app.db)) {
        await returnConversations(app, app.log, [id], {
          reason: 'the assigned agent did not reply in time',
          actor: { type: 'system', id: null },
          fromUserId: assignee_id ?? undefined,
        });
      }
    } catch (error) {
      app.log.error({ err: error }, 'routing sweep failed');
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
