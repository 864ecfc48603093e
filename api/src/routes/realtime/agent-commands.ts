import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { AppError, notFound } from '../../app-error.ts';
import { assignByAgent } from '../../commands/assign-by-agent.ts';
import { resolveConversation } from '../../commands/resolve-conversation.ts';
import { sendAgentMessage } from '../../commands/send-agent-message.ts';
import { sendNoteAndAnnounce } from '../../commands/send-note-and-announce.ts';
import type { AgentPrincipal } from '../../plugins/agent-auth.ts';
import type { AgentFrame, HelloFrame } from '../../protocol/frames.ts';
import {
  announce,
  publishQueueState,
  returnAgentConversations,
  returnConversations,
  routeWaitingConversations,
} from '../../realtime/after-commit.ts';
import type { TypingClientFrame } from '../../realtime/typing-session.ts';
import { publishParticipants } from '../../services/participants/publish-participants.ts';
import { runSetPriority, runSetStatus } from '../conversations/status-commands.ts';

/** conversation.follow concerns the socket itself and is answered in agent-socket.ts. */
type AgentCommand = Exclude<
  AgentFrame,
  HelloFrame | { type: 'ping' } | { type: 'conversation.follow' } | TypingClientFrame
>;

/** What each command of an agent's socket does; the returned value is the ack's data. */
export async function runAgentCommand(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  agent: AgentPrincipal,
  frame: AgentCommand,
): Promise<object> {
  switch (frame.type) {
    case 'message.send': {
      const { conversationId, clientId, body, attachmentIds } = frame.data;
      if (!conversationId) throw new AppError('frame/invalid', 'data.conversationId is required for agents.');
      if (frame.data.kind === 'note')
        return sendNoteAndAnnounce(app, log, agent, { conversationId, clientId, body, attachmentIds });
      const reply = { conversationId, clientId, body, attachmentIds };
      const outcome = await sendAgentMessage(app.db, agent, reply, (append) => app.messageAppends.appendAgent(append));
      announce(app, log, outcome.scope, outcome.events);
      const { workspaceId, userId } = agent;
      if (outcome.isNewParticipant) void publishParticipants(app, log, { workspaceId, conversationId, userId });
      return { message: outcome.message };
    }
    case 'conversation.resolve': {
      const { conversation, events } = await resolveConversation(app.db, agent, frame.data.conversationId);
      // Resolving frees a place in someone's capacity: the queue may move.
      announce(app, log, { workspaceId: agent.workspaceId, visitorId: conversation.visitor.id }, events, {
        inboxIdWhoseQueueMoved: events.length > 0 ? conversation.inboxId : undefined,
      });
      return { conversation };
    }
    case 'conversation.set_status':
      return runSetStatus(app, log, agent, frame.data);
    case 'conversation.set_priority':
      return runSetPriority(app, log, agent, frame.data);
    case 'conversation.hand_back': {
      const { conversationId } = frame.data;
      const owned = await app.db
        .selectFrom('conversations')
        .select('id')
        .where('id', '=', conversationId)
        .where('workspace_id', '=', agent.workspaceId)
        .executeTakeFirst();
      if (!owned) throw notFound('conversation');
      const user = await app.db
        .selectFrom('users')
        .select('name')
        .where('id', '=', agent.userId)
        .executeTakeFirstOrThrow();
      await returnConversations(app, log, [conversationId], {
        reason: `handed back by ${user.name}`,
        actor: { type: 'agent', id: agent.userId },
        fromUserId: agent.userId,
      });
      return {};
    }
    case 'conversation.assign': {
      const { conversation, events, previousAssigneeId } = await assignByAgent(app.db, agent, frame.data);
      const scope = { workspaceId: agent.workspaceId, visitorId: conversation.visitor.id };
      if (previousAssigneeId) {
        // The previous agent has a place free: the queue may move.
        announce(app, log, scope, events, { inboxIdWhoseQueueMoved: conversation.inboxId });
      } else {
        announce(app, log, scope, events);
        // It left the queue: everyone behind it moves up.
        if (events.length > 0)
          void publishQueueState(app, conversation.inboxId, agent.workspaceId).catch((error) =>
            log.error({ err: error }, 'queue state failed'),
          );
      }
      return { conversation };
    }
    case 'presence.set': {
      const isAway = frame.data.status === 'away';
      await app.db
        .updateTable('memberships')
        .set({ is_away: isAway })
        .where('workspace_id', '=', agent.workspaceId)
        .where('user_id', '=', agent.userId)
        .execute();
      if (!isAway) void routeWaitingConversations(app, log, agent.workspaceId);
      return { status: frame.data.status };
    }
  }
}

/**
 * An agent whose last console closed gets a grace period (a reload, a flaky network); still gone after
 * it, their open conversations go back to the front of the queue for someone else.
 */
export function scheduleOfflineCheck(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  agent: AgentPrincipal,
  graceMs: number,
) {
  const timer = setTimeout(async () => {
    try {
      if ((await app.realtime.presence.onlineAgentIds(agent.workspaceId)).includes(agent.userId)) return;
      await returnAgentConversations(app, log, agent, 'the agent went offline');
    } catch (error) {
      log.error({ err: error }, 'returning an offline agent’s conversations failed');
    }
  }, graceMs);
  timer.unref();
}
