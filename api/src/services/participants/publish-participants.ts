import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { topics } from '../../realtime/hub.ts';
import { loadParticipants } from './load-participants.ts';

/** After a change committed: every agent socket of the workspace hears who takes part now (never a visitor). */
export async function publishParticipants(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  workspaceId: string,
  conversationId: string,
): Promise<void> {
  try {
    const participants = await loadParticipants(app.db, workspaceId, conversationId);
    app.realtime.hub.publish(topics.workspace(workspaceId), {
      workspaceId,
      frame: { type: 'conversation.participants_changed', data: { conversationId, participants } },
    });
  } catch (error) {
    log.error({ err: error }, 'publishing the participants failed');
  }
}
