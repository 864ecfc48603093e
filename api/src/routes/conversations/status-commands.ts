import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { AgentActor } from '../../commands/send-agent-message.ts';
import { setConversationPriority } from '../../commands/set-priority.ts';
import { type SetStatusInput, type StatusOutcome, setConversationStatus } from '../../commands/set-status.ts';
import type { ConversationPriority } from '../../protocol/entities.ts';
import { announce } from '../../realtime/after-commit.ts';

/** Tells everyone; a conversation leaving open frees capacity, one becoming open may need an agent. */
export function announceStatus(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  workspaceId: string,
  outcome: StatusOutcome,
): void {
  const { conversation, events, hasLeftOpen } = outcome;
  const scope = { workspaceId, visitorId: conversation.visitor.id };
  if (events.length === 0) return;
  if (hasLeftOpen) announce(app, log, scope, events, { inboxIdWhoseQueueMoved: conversation.inboxId });
  else if (conversation.status === 'open' && conversation.assignee === null)
    announce(app, log, scope, events, { routeConversationId: conversation.id });
  else announce(app, log, scope, events);
}

export async function runSetStatus(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  agent: AgentActor,
  input: SetStatusInput,
) {
  const outcome = await setConversationStatus(app.db, agent, input);
  announceStatus(app, log, agent.workspaceId, outcome);
  return { conversation: outcome.conversation };
}

export async function runSetPriority(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  agent: AgentActor,
  input: { conversationId: string; priority: ConversationPriority },
) {
  const { conversation, events } = await setConversationPriority(app.db, agent, input);
  announce(app, log, { workspaceId: agent.workspaceId, visitorId: conversation.visitor.id }, events);
  return { conversation };
}
