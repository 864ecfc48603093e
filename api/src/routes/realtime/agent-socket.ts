import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../app-error.ts';
import type { AgentPrincipal } from '../../plugins/agent-auth.ts';
import { isConsoleOrigin } from '../../plugins/origins.ts';
import { AGENT_WS_PATH } from '../../protocol/constants.ts';
import { type AgentFrame, AgentFrameSchemas, type ConversationFollowResult } from '../../protocol/frames.ts';
import { routeWaitingConversations } from '../../realtime/after-commit.ts';
import { AgentFollows } from '../../realtime/agent-follows.ts';
import type { Connection } from '../../realtime/connection.ts';
import { createFrameParser } from '../../realtime/frame-parser.ts';
import { topics } from '../../realtime/hub.ts';
import { openConnection } from '../../realtime/open-connection.ts';
import { releaseUpgradeRequest } from '../../realtime/release-upgrade.ts';
import { isTypingClientFrame, TypingSession } from '../../realtime/typing-session.ts';
import { hearMemberFrames } from '../../services/mentions/hear-member-frames.ts';
import { loadParticipatingConversationIds } from '../../services/participants/load-participants.ts';
import { runAgentCommand, scheduleOfflineCheck } from './agent-commands.ts';

const parseAgentFrame = createFrameParser<AgentFrame>(AgentFrameSchemas);
const agents = new WeakMap<FastifyRequest, AgentPrincipal>();

export async function agentSocketRoute(app: FastifyInstance) {
  /** Before the upgrade: the console's own origin (no cross-site socket hijacking) and a valid session. */
  async function authenticate(request: FastifyRequest) {
    if (!isConsoleOrigin(request, app.config))
      throw new AppError('auth/origin_forbidden', 'Agent sockets must come from the console.');
    const agent = await app.authenticateAgent(request);
    if (!agent) throw new AppError('auth/required', 'Sign in first.');
    agents.set(request, agent);
  }

  app.get(AGENT_WS_PATH, { websocket: true, preValidation: authenticate }, (socket, request) => {
    const agent = agents.get(request)!;
    releaseUpgradeRequest(socket, request);
    let isOnline = false;
    // Presence may live in Redis; while it is unreachable the agent keeps working, unrouted, and the
    // presence heartbeat publishes them once it is back.
    const comeOnline = async () => {
      try {
        if (await app.realtime.presence.addSocket(agent.workspaceId, agent.userId))
          await routeWaitingConversations(app, request.log, agent.workspaceId);
      } catch (error) {
        request.log.warn({ err: error }, 'presence unavailable');
      }
    };
    const goOffline = async () => {
      try {
        if (await app.realtime.presence.removeSocket(agent.workspaceId, agent.userId))
          scheduleOfflineCheck(app, request.log, agent, app.realtime.offlineGraceMs);
      } catch (error) {
        request.log.warn({ err: error }, 'presence unavailable');
      }
    };
    // A conversation newly assigned to the agent is heard from its start (read from the database).
    const follows = new AgentFollows(agent.userId, (conversationId) =>
      connection.delivery.startAfter(conversationId, 0),
    );
    /** From now on this socket hears every event of the conversation; returns the seq it starts after. */
    const follow = (conversationId: string): Promise<ConversationFollowResult> =>
      connection.delivery.inTurn(async () => {
        const row = await app.db
          .selectFrom('conversations')
          .select('last_seq')
          .where('id', '=', conversationId)
          .where('workspace_id', '=', agent.workspaceId)
          .executeTakeFirst();
        if (!row) throw notFound('conversation');
        if (!follows.isFollowed(conversationId)) connection.delivery.startAfter(conversationId, row.last_seq);
        follows.open(conversationId);
        return { lastSeq: row.last_seq };
      });
    const connection: Connection<AgentFrame> = openConnection<AgentFrame>(app, request.log, socket, {
      parseFrame: parseAgentFrame,
      topic: topics.workspace(agent.workspaceId),
      followFromFirstSight: true,
      admits: (event) => follows.admits(event),
      isInAudience: ({ conversationId, userId }) => userId === agent.userId || follows.isFollowed(conversationId),
      async prepare(hello) {
        const assigned = await app.db
          .selectFrom('conversations')
          .select('id')
          .where('workspace_id', '=', agent.workspaceId)
          .where('assignee_id', '=', agent.userId)
          .where('status', '=', 'open')
          .execute();
        follows.setAssigned(assigned.map((row) => row.id));
        // Participants follow their conversations like the assignee does.
        for (const id of await loadParticipatingConversationIds(app.db, agent.workspaceId, agent.userId))
          follows.open(id);
        for (const { conversationId } of hello.data.resume) follows.open(conversationId);
      },
      sessionId: agent.sessionId,
      userId: agent.userId,
      scopeConversation: { column: 'workspace_id', value: agent.workspaceId },
      runCommand: (frame) =>
        isTypingClientFrame(frame)
          ? typing.run(frame)
          : frame.type === 'conversation.follow'
            ? follow(frame.data.conversationId)
            : runAgentCommand(app, request.log, agent, frame),
      // Online only once live, so what routing gives this agent arrives after its replay, not lost before it.
      onLive() {
        isOnline = true;
        void comeOnline();
      },
      onClose() {
        stopHearingChanges();
        stopHearingMemberFrames();
        if (isOnline) void goOffline();
      },
    });
    const stopHearingChanges = app.realtime.changes.attach(agent.workspaceId, connection.delivery);
    const stopHearingMemberFrames = hearMemberFrames(app, agent, connection.delivery);
    const typing = new TypingSession(app, socket, connection, {
      kind: 'agent',
      workspaceId: agent.workspaceId,
      userId: agent.userId,
      isFollowed: (conversationId) => follows.isFollowed(conversationId),
    });
  });
}
