import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../app-error.ts';
import { resolveConversation } from '../../commands/resolve-conversation.ts';
import { sendAgentMessage } from '../../commands/send-agent-message.ts';
import type { AgentPrincipal } from '../../plugins/agent-auth.ts';
import { isConsoleOrigin } from '../../plugins/origins.ts';
import { AGENT_WS_PATH } from '../../protocol/constants.ts';
import { type AgentFrame, AgentFrameSchemas } from '../../protocol/frames.ts';
import { announce, routeWaitingConversations } from '../../realtime/after-commit.ts';
import { Connection } from '../../realtime/connection.ts';
import { createFrameParser } from '../../realtime/frame-parser.ts';
import { topics } from '../../realtime/hub.ts';
import { loadEventRange } from '../../services/conversations/load-events.ts';

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
    const connection = new Connection<AgentFrame>({
      socket,
      log: request.log,
      parseFrame: parseAgentFrame,
      heartbeatMs: app.realtime.heartbeatMs,
      followFromFirstSight: true,
      async runCommand(frame) {
        if (frame.type === 'conversation.resolve') {
          const { conversation, events } = await resolveConversation(app.db, agent, frame.data.conversationId);
          announce(app, request.log, { workspaceId: agent.workspaceId, visitorId: conversation.visitor.id }, events);
          return { conversation };
        }
        const { conversationId, clientId, body } = frame.data;
        if (!conversationId) throw new AppError('frame/invalid', 'data.conversationId is required for agents.');
        const outcome = await sendAgentMessage(app.db, agent, { conversationId, clientId, body });
        announce(app, request.log, outcome.scope, outcome.events);
        return { message: outcome.message };
      },
      async findLastSeq(conversationId) {
        const row = await app.db
          .selectFrom('conversations')
          .select('last_seq')
          .where('id', '=', conversationId)
          .where('workspace_id', '=', agent.workspaceId)
          .executeTakeFirst();
        return row?.last_seq;
      },
      loadRange: (conversationId, fromSeq, toSeq) => loadEventRange(app.db, conversationId, fromSeq, toSeq),
      onClose() {
        unsubscribe();
        app.realtime.connections.delete(tracked);
        app.realtime.presence.removeSocket(agent.workspaceId, agent.userId);
      },
    });
    const tracked = Object.assign(connection, { sessionId: agent.sessionId });
    const unsubscribe = app.realtime.hub.subscribe(topics.workspace(agent.workspaceId), (notice) =>
      connection.delivery.deliver(notice.event),
    );
    app.realtime.connections.add(tracked);
    if (app.realtime.presence.addSocket(agent.workspaceId, agent.userId)) {
      void routeWaitingConversations(app, request.log, agent.workspaceId);
    }
  });
}
