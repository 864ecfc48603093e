import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ConversationEvent } from '../protocol/events.ts';
import { findWaitingConversationIds, routeConversation } from '../routing/route-conversation.ts';
import { publishEvents } from './hub.ts';

type Scope = { workspaceId: string; visitorId: string };

/**
 * Tells subscribers about committed events and, for a new conversation, starts finding it an agent
 * (without holding up the sender's ack).
 */
export function announce(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  scope: Scope,
  events: readonly ConversationEvent[],
  options: { routeConversationId?: string } = {},
): void {
  publishEvents(app.realtime.hub, scope, events);
  if (options.routeConversationId) void routeNewConversation(app, log, scope, options.routeConversationId);
}

async function routeNewConversation(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  scope: Scope,
  conversationId: string,
) {
  try {
    const online = app.realtime.presence.onlineAgentIds(scope.workspaceId);
    publishEvents(app.realtime.hub, scope, await routeConversation(app.db, conversationId, online));
  } catch (error) {
    // The conversation stays waiting; the next agent to come online picks it up.
    log.error({ err: error }, 'routing failed');
  }
}

/** An agent came online: hand them (and the others online) the conversations that were waiting. */
export async function routeWaitingConversations(app: FastifyInstance, log: FastifyBaseLogger, workspaceId: string) {
  try {
    for (const conversationId of await findWaitingConversationIds(app.db, workspaceId)) {
      const online = app.realtime.presence.onlineAgentIds(workspaceId);
      if (online.length === 0) return;
      const events = await routeConversation(app.db, conversationId, online);
      const visitor = await app.db
        .selectFrom('conversations')
        .select('visitor_id')
        .where('id', '=', conversationId)
        .executeTakeFirstOrThrow();
      publishEvents(app.realtime.hub, { workspaceId, visitorId: visitor.visitor_id }, events);
    }
  } catch (error) {
    log.error({ err: error }, 'routing waiting conversations failed');
  }
}
