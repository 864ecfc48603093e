import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from '../../plugins/agent-auth.ts';
import { CLOSE_CODES } from '../../protocol/constants.ts';
import { LoginBodySchema, MeSchema, SignupBodySchema } from '../../protocol/rest.ts';
import { returnAgentConversations } from '../../realtime/after-commit.ts';
import { checkCredentials } from '../../services/auth/log-in.ts';
import { invalidateSession } from '../../services/auth/sessions.ts';
import { signUp } from '../../services/auth/sign-up.ts';
import { loadMe } from './load-me.ts';

const authRateLimit = { max: 10, timeWindow: '1 minute' };

export async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/v1/auth/signup',
    {
      schema: { body: SignupBodySchema, response: { 201: MeSchema } },
      config: { rateLimit: authRateLimit },
      preHandler: app.checkConsoleOrigin,
    },
    async (request, reply) => {
      const allowed = app.config.exampleSiteUrl ? [app.config.exampleSiteUrl] : [];
      const { user } = await signUp(app.db, request.body, { defaultAllowedOrigins: allowed });
      await app.startAgentSession(reply, user.id);
      return reply.status(201).send(await loadMe(app.db, user.id));
    },
  );

  app.post(
    '/v1/auth/login',
    {
      schema: { body: LoginBodySchema, response: { 200: MeSchema } },
      config: { rateLimit: authRateLimit },
      preHandler: app.checkConsoleOrigin,
    },
    async (request, reply) => {
      const userId = await checkCredentials(app.db, request.body);
      await app.startAgentSession(reply, userId);
      return loadMe(app.db, userId);
    },
  );

  app.post('/v1/auth/logout', { preHandler: app.requireAgent }, async (request, reply) => {
    const agent = request.agent!;
    await invalidateSession(app.db, agent.sessionId);
    app.realtime.closeSessionSockets(agent.sessionId, CLOSE_CODES.unauthorized);
    const isStillOnlineElsewhere = [...app.realtime.connections].some(
      (connection) => connection.userId === agent.userId && connection.sessionId !== agent.sessionId,
    );
    if (!isStillOnlineElsewhere) await returnAgentConversations(app, request.log, agent, 'the agent signed out');
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/v1/me', { schema: { response: { 200: MeSchema } }, preHandler: app.requireAgent }, async (request) =>
    loadMe(app.db, request.agent!.userId),
  );

  app.get('/v1/instance', async () => {
    const anyUser = await app.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
    return { hasAccounts: anyUser !== undefined, exampleSiteUrl: app.config.exampleSiteUrl ?? null };
  });
}
