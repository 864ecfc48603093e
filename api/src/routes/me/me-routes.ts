import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { CLOSE_CODES } from '../../protocol/constants.ts';
import { PasswordChangeBodySchema, PreferencesSchema, ProfileUpdateBodySchema } from '../../protocol/profile-rest.ts';
import { MeSchema } from '../../protocol/rest.ts';
import { changePassword } from '../../services/profile/change-password.ts';
import { loadPreferences, savePreferences } from '../../services/profile/preferences.ts';
import { updateName } from '../../services/profile/update-name.ts';
import { loadMe } from '../auth/load-me.ts';

const passwordRateLimit = { max: 10, timeWindow: '1 minute' };

/** The signed-in agent's own profile: name, password, notification preferences. */
export async function meRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.patch(
    '/v1/me',
    { schema: { body: ProfileUpdateBodySchema, response: { 200: MeSchema } }, preHandler: app.requireAgent },
    async (request) => {
      const { userId } = request.agent!;
      await updateName(app.db, userId, request.body.name);
      return loadMe(app.db, userId);
    },
  );

  app.post(
    '/v1/me/password',
    {
      schema: { body: PasswordChangeBodySchema },
      config: { rateLimit: passwordRateLimit },
      preHandler: app.requireAgent,
    },
    async (request, reply) => {
      const agent = request.agent!;
      const ended = await changePassword(app.db, agent.userId, agent.sessionId, request.body);
      // Sockets of this process close now; other processes' session sweeper closes theirs.
      for (const sessionId of ended) app.realtime.closeSessionSockets(sessionId, CLOSE_CODES.unauthorized);
      return reply.status(204).send();
    },
  );

  app.get(
    '/v1/me/preferences',
    { schema: { response: { 200: PreferencesSchema } }, preHandler: app.requireAgent },
    async (request) => loadPreferences(app.db, request.agent!.userId),
  );

  app.put(
    '/v1/me/preferences',
    { schema: { body: PreferencesSchema, response: { 200: PreferencesSchema } }, preHandler: app.requireAgent },
    async (request) => {
      const { userId } = request.agent!;
      await savePreferences(app.db, userId, request.body);
      return loadPreferences(app.db, userId);
    },
  );
}
