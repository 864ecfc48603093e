import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { publishQueueState, returnAgentConversations, returnConversations } from '../realtime/after-commit.ts';
import { publishEvents } from '../realtime/hub.ts';
import { findAssignees, findInboxesWithWaiting } from '../routing/find-sweep-targets.ts';
import { findUnansweredAssignments } from '../routing/find-unanswered.ts';
import { routeQueue } from '../routing/route-queue.ts';

/**
 * Every few seconds, on every api process (each decision is re-checked under database locks):
 * - conversations whose agent did not reply in time go back to the queue, to someone else;
 * - agents gone for longer than the grace period without a socket closing here (their api process died)
 *   lose their conversations to the queue;
 * - waiting conversations get another pass: business hours opened, or a trigger was missed.
 */
export const routingSweeperPlugin = fp(async (app: FastifyInstance) => {
  const log = app.log.child({ component: 'routing-sweeper' });
  const absentSince = new Map<string, number>();
  let isSweeping = false;

  const sweep = async () => {
    if (isSweeping) return;
    isSweeping = true;
    for (const step of [returnUnanswered, returnAbsentAgents, routeWaiting]) {
      try {
        await step(app, log, absentSince);
      } catch (error) {
        log.error({ err: error, step: step.name }, 'routing sweep failed');
      }
    }
    isSweeping = false;
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => void sweep(), app.realtime.sweepIntervalMs);
    timer.unref();
  });
  app.addHook('preClose', async () => clearInterval(timer));
});

async function returnUnanswered(app: FastifyInstance, log: FastifyBaseLogger) {
  for (const { id, assignee_id } of await findUnansweredAssignments(app.db)) {
    await returnConversations(app, log, [id], {
      reason: 'the assigned agent did not reply in time',
      actor: { type: 'system', id: null },
      fromUserId: assignee_id ?? undefined,
    });
  }
}

async function returnAbsentAgents(app: FastifyInstance, log: FastifyBaseLogger, absentSince: Map<string, number>) {
  const now = Date.now();
  const stillAbsent = new Set<string>();
  const onlineByWorkspace = new Map<string, Set<string>>();
  for (const { workspace_id: workspaceId, assignee_id: userId } of await findAssignees(app.db)) {
    if (!userId) continue;
    let online = onlineByWorkspace.get(workspaceId);
    if (!online) {
      online = new Set(await app.realtime.presence.onlineAgentIds(workspaceId));
      onlineByWorkspace.set(workspaceId, online);
    }
    if (online.has(userId)) continue;
    const key = `${workspaceId}:${userId}`;
    stillAbsent.add(key);
    const since = absentSince.get(key) ?? now;
    absentSince.set(key, since);
    if (now - since >= app.realtime.offlineGraceMs) {
      absentSince.delete(key);
      await returnAgentConversations(app, log, { workspaceId, userId }, 'the agent went offline');
    }
  }
  for (const key of absentSince.keys()) if (!stillAbsent.has(key)) absentSince.delete(key);
}

async function routeWaiting(app: FastifyInstance) {
  for (const inbox of await findInboxesWithWaiting(app.db)) {
    const onlineAgentIds = await app.realtime.presence.onlineAgentIds(inbox.workspace_id);
    if (onlineAgentIds.length === 0) continue;
    const assigned = await routeQueue(app.db, inbox.id, onlineAgentIds);
    for (const { conversation, events } of assigned) {
      publishEvents(app.realtime.hub, { workspaceId: inbox.workspace_id, visitorId: conversation.visitor_id }, events);
    }
    if (assigned.length > 0) await publishQueueState(app, inbox.id, inbox.workspace_id);
  }
}
