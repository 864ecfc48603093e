import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ConversationEvent } from '../protocol/events.ts';
import { estimateWaitSeconds, loadQueueState } from '../routing/queue-state.ts';
import { returnToQueue } from '../routing/return-to-queue.ts';
import { routeConversation } from '../routing/route-conversation.ts';
import { routeQueue } from '../routing/route-queue.ts';
import type { Actor } from '../services/conversations/append.ts';
import { publishEvents, topics } from './hub.ts';

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
  options: { routeConversationId?: string; inboxIdWhoseQueueMoved?: string } = {},
): void {
  publishEvents(app.realtime.hub, scope, events);
  if (options.routeConversationId) void routeNewConversation(app, log, scope, options.routeConversationId);
  else if (options.inboxIdWhoseQueueMoved) void routeInbox(app, log, options.inboxIdWhoseQueueMoved, scope.workspaceId);
}

async function routeNewConversation(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  scope: Scope,
  conversationId: string,
) {
  try {
    const onlineAgentIds = await app.realtime.presence.onlineAgentIds(scope.workspaceId);
    const result = await routeConversation(app.db, conversationId, {
      onlineAgentIds,
      shouldLogWaiting: true,
      shouldYieldToQueue: true,
    });
    publishEvents(app.realtime.hub, scope, result.events);
    if (result.outcome !== 'waiting') return;
    const inbox = await app.db
      .selectFrom('conversations')
      .select('inbox_id')
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    // Capacity may have freed while earlier conversations waited: they go first, in order.
    if (result.isBehindQueue) await routeInbox(app, log, inbox.inbox_id, scope.workspaceId);
    else await publishQueueState(app, inbox.inbox_id, scope.workspaceId);
  } catch (error) {
    // The conversation stays waiting; the next queue pass picks it up.
    log.error({ err: error }, 'routing failed');
  }
}

/** Someone may be free now: offer the inbox's waiting conversations, in order, then tell everyone where the queue stands. */
export function routeInbox(app: FastifyInstance, log: FastifyBaseLogger, inboxId: string, workspaceId: string) {
  // A burst of triggers (new conversations, resolves) folds into one pass running and one to follow.
  return app.realtime.passes.run(`route:${inboxId}`, async () => {
    try {
      const onlineAgentIds = await app.realtime.presence.onlineAgentIds(workspaceId);
      for (const { conversation, events } of await routeQueue(app.db, inboxId, onlineAgentIds)) {
        publishEvents(app.realtime.hub, { workspaceId, visitorId: conversation.visitor_id }, events);
      }
      await publishQueueState(app, inboxId, workspaceId);
    } catch (error) {
      log.error({ err: error }, 'routing the queue failed');
    }
  });
}

/** An agent came online, came back from away, or freed capacity: work through every queue of the workspace. */
export async function routeWaitingConversations(app: FastifyInstance, log: FastifyBaseLogger, workspaceId: string) {
  try {
    const inboxes = await app.db.selectFrom('inboxes').select('id').where('workspace_id', '=', workspaceId).execute();
    for (const inbox of inboxes) await routeInbox(app, log, inbox.id, workspaceId);
  } catch (error) {
    log.error({ err: error }, 'routing waiting conversations failed');
  }
}

/**
 * Puts conversations back at the front of their queues (hand-back, no reply in time, agent gone) and
 * offers each to someone else first.
 */
export async function returnConversations(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  conversationIds: readonly string[],
  input: { reason: string; actor: Actor; fromUserId?: string },
): Promise<number> {
  let returned = 0;
  const inboxes = new Map<string, string>();
  for (const conversationId of conversationIds) {
    const row = await app.db
      .selectFrom('conversations')
      .select(['workspace_id', 'visitor_id', 'inbox_id'])
      .where('id', '=', conversationId)
      .executeTakeFirst();
    if (!row) continue;
    const scope = { workspaceId: row.workspace_id, visitorId: row.visitor_id };
    const { events, previousAssigneeId } = await returnToQueue(app.db, conversationId, input);
    if (events.length === 0) continue;
    returned += 1;
    publishEvents(app.realtime.hub, scope, events);
    const onlineAgentIds = await app.realtime.presence.onlineAgentIds(row.workspace_id);
    const routed = await routeConversation(app.db, conversationId, {
      onlineAgentIds,
      excludeUserId: previousAssigneeId ?? undefined,
      shouldLogWaiting: true,
    });
    publishEvents(app.realtime.hub, scope, routed.events);
    inboxes.set(row.inbox_id, row.workspace_id);
  }
  for (const [inboxId, workspaceId] of inboxes)
    await publishQueueState(app, inboxId, workspaceId).catch((error) =>
      log.error({ err: error }, 'queue state failed'),
    );
  return returned;
}

/** Each waiting visitor hears their place and estimated wait; agents hear the queue's length and oldest wait. */
export function publishQueueState(app: FastifyInstance, inboxId: string, workspaceId: string): Promise<void> {
  return app.realtime.passes.run(`queue:${inboxId}`, () => sendQueueState(app, inboxId, workspaceId));
}

async function sendQueueState(app: FastifyInstance, inboxId: string, workspaceId: string) {
  const state = await loadQueueState(app.db, inboxId);
  for (const conversation of state.conversations) {
    app.realtime.hub.publish(topics.visitor(conversation.visitorId), {
      workspaceId,
      frame: {
        type: 'queue.position',
        data: {
          conversationId: conversation.id,
          position: conversation.position,
          estimatedWaitSeconds: estimateWaitSeconds(state, conversation.position),
        },
      },
    });
  }
  app.realtime.hub.publish(topics.workspace(workspaceId), {
    workspaceId,
    frame: { type: 'queue.summary', data: { inboxId, length: state.length, oldestQueuedAt: state.oldestQueuedAt } },
  });
}

/** Everything an agent holds goes back to the queue (they went offline or signed out). */
export async function returnAgentConversations(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  agent: { workspaceId: string; userId: string },
  reason: string,
) {
  const held = await app.db
    .selectFrom('conversations')
    .select('id')
    .where('workspace_id', '=', agent.workspaceId)
    .where('assignee_id', '=', agent.userId)
    .where('status', '=', 'open')
    .execute();
  await returnConversations(
    app,
    log,
    held.map((row) => row.id),
    { reason, actor: { type: 'system', id: null }, fromUserId: agent.userId },
  );
}
