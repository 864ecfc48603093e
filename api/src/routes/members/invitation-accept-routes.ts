import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import {
  InvitationAcceptBodySchema,
  InvitationPreviewSchema,
  InvitationTokenSchema,
} from '../../protocol/member-rest.ts';
import { MeSchema } from '../../protocol/rest.ts';
import { acceptInvitation } from '../../services/members/accept-invitation.ts';
import { findUsableInvitation } from '../../services/members/find-invitation.ts';
import { loadMe } from '../auth/load-me.ts';

const TokenParamsSchema = Type.Object({ token: InvitationTokenSchema });
/** Like signup and login: the link is a secret, so guessing is slowed per client address. */
const publicRateLimit = { max: 10, timeWindow: '1 minute' };

/** The invitee's side, without a session: see the invitation, then accept it with a name and password. */
export async function invitationAcceptRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/v1/invitations/:token',
    {
      schema: { params: TokenParamsSchema, response: { 200: InvitationPreviewSchema } },
      config: { rateLimit: publicRateLimit },
    },
    async (request) => (await findUsableInvitation(app.db, request.params.token)).preview,
  );

  app.post(
    '/v1/invitations/:token/accept',
    {
      schema: { params: TokenParamsSchema, body: InvitationAcceptBodySchema, response: { 201: MeSchema } },
      config: { rateLimit: publicRateLimit },
      preHandler: app.checkConsoleOrigin,
    },
    async (request, reply) => {
      const { userId } = await acceptInvitation(app.db, request.params.token, request.body);
      await app.startAgentSession(reply, userId);
      return reply.status(201).send(await loadMe(app.db, userId));
    },
  );
}
