import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../app-error.ts';
import type { AgentPrincipal } from '../../plugins/agent-auth.ts';
import { isConsoleOrigin } from '../../plugins/origins.ts';
import { AGENT_WS_PATH } from '../../protocol/constants.ts';
import { type AgentFrame, AgentFrameSchemas } from '../../protocol/frames.ts';
import { routeWaitingConversations } from '../../realtime/after-commit.ts';
import { createFrameParser } from '../../realtime/frame-parser.ts';
import { topics } from '../../realtime/hub.ts';
import { openConnection } from '../../realtime/open-connection.ts';
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
    openConnection<AgentFrame>(app, request, socket, {
      parseFrame: parseAgentFrame,
      topic: topics.workspace(agent.workspaceId),
      followFromFirstSight: true,
      sessionId: agent.sessionId,
      userId: agent.userId,
      scopeConversation: { column: 'workspace_id', value: agent.workspaceId },
      runCommand: (frame) => runAgentCommand(app, request.log, agent, frame),
      // Online only once live, so what routing gives this agent arrives after its replay, not lost before it.
      onLive() {
        isOnline = true;
        void comeOnline();
      },
      onClose() {
        if (isOnline) void goOffline();
      },
    });
  });
}
