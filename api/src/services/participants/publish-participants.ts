import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { topics } from '../../realtime/hub.ts';
import { loadParticipants } from './load-participants.ts';

/**
 * After an agent joined or left a conversation: who takes part now, to the agent sockets that follow it
 * (its assignee, those who opened it or take part) and to that agent's own (never to a visitor). The rest
 * of the workspace does not need it: the console uses participants for the conversation's pane and for
 * its own agent's Participating view, and summaries read later carry them.
 */
export async function publishParticipants(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  change: { workspaceId: string; conversationId: string; userId: string },
): Promise<void> {
  const { workspaceId, conversationId } = change;
  try {
    const participants = await loadParticipants(app.db, workspaceId, conversationId);
    app.realtime.hub.publish(topics.workspace(workspaceId), {
      workspaceId,
      frame: { type: 'conversation.participants_changed', data: { conversationId, participants } },
      onlyFor: { conversationId, userId: change.userId },
    });
  } catch (error) {
    log.error({ err: error }, 'publishing the participants failed');
  }
}
