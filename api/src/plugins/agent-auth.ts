import type { Role } from '@parley/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../app-error.ts';
import { createSession, type ValidSession, validateSessionToken } from '../services/auth/sessions.ts';
import { isConsoleOrigin } from './origins.ts';

export const SESSION_COOKIE = 'parley_session';

export interface AgentPrincipal {
  userId: string;
  workspaceId: string;
  role: Role;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    agent: AgentPrincipal | null;
  }
  interface FastifyInstance {
    /** preHandler: 401 unless a valid session cookie names an agent; 403 for a foreign Origin on unsafe methods. */
    requireAgent(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** preHandler: 403 unless the request comes from the console's own origin (for routes without a session). */
    authenticateAgent(request: FastifyRequest): Promise<AgentPrincipal | null>;
    checkConsoleOrigin(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** Signs the user in: a new session and its HttpOnly cookie on the reply (signup, login, an accepted invitation). */
    startAgentSession(reply: FastifyReply, userId: string): Promise<void>;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const agentAuthPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('agent', null);
  app.decorate('authenticateAgent', (request: FastifyRequest) => authenticateAgent(request));

  app.decorate('checkConsoleOrigin', async (request: FastifyRequest) => {
    if (!SAFE_METHODS.has(request.method) && !isConsoleOrigin(request, app.config)) {
      throw new AppError('auth/origin_forbidden', 'This request must come from the console.');
    }
  });

  const isSecure = app.config.publicUrl.startsWith('https://');
  app.decorate('startAgentSession', async (reply: FastifyReply, userId: string) => {
    const { token, expiresAt } = await createSession(app.db, userId);
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      secure: isSecure,
      sameSite: 'lax',
      path: '/',
      expires: expiresAt,
    });
  });

  app.decorate('requireAgent', async (request: FastifyRequest, reply: FastifyReply) => {
    await app.checkConsoleOrigin(request, reply);
    const agent = await authenticateAgent(request);
    if (!agent) throw new AppError('auth/required', 'Sign in first.');
    request.agent = agent;
  });

  /** The agent a request's session cookie names, or null. */
  async function authenticateAgent(request: FastifyRequest): Promise<AgentPrincipal | null> {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return null;
    const session = await validateSessionToken(app.db, token);
    if (!session) return null;
    return principalFor(session);
  }

  async function principalFor(session: ValidSession): Promise<AgentPrincipal | null> {
    const membership = await app.db
      .selectFrom('memberships')
      .select(['workspace_id', 'role'])
      .where('user_id', '=', session.userId)
      .where('deactivated_at', 'is', null)
      .orderBy('created_at')
      .executeTakeFirst();
    if (!membership) return null;
    return {
      userId: session.userId,
      workspaceId: membership.workspace_id,
      role: membership.role,
      sessionId: session.id,
    };
  }
});
