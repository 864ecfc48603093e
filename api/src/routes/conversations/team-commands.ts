import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { AgentActor } from '../../commands/send-agent-message.ts';
import { setConversationTeam } from '../../commands/set-team.ts';
import { announce } from '../../realtime/after-commit.ts';

/**
 * Sets the team and tells everyone. A waiting conversation (one that was already, or one the team change
 * took from an agent outside the team) is offered again through its inbox's queue, now to the team.
 */
export async function runSetTeam(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  agent: AgentActor,
  input: { conversationId: string; teamId: string | null },
) {
  const { conversation, events } = await setConversationTeam(app.db, agent, input);
  const scope = { workspaceId: agent.workspaceId, visitorId: conversation.visitor.id };
  const isWaiting = conversation.status === 'open' && conversation.assignee === null;
  announce(app, log, scope, events, {
    inboxIdWhoseQueueMoved: events.length > 0 && isWaiting ? conversation.inboxId : undefined,
  });
  return { conversation };
}
