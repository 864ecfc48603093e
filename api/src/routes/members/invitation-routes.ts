import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { UuidSchema } from '../../protocol/entities.ts';
import {
  type CreatedInvitation,
  CreatedInvitationSchema,
  InvitationCreateBodySchema,
  InvitationListSchema,
} from '../../protocol/member-rest.ts';
import { createInvitation, revokeInvitation } from '../../services/members/create-invitation.ts';
import { createInvitationMailer } from '../../services/members/invitation-mailer.ts';
import { loadOpenInvitations } from '../../services/members/load-invitations.ts';
import { checkCanManageMembers } from '../../services/members/member-permissions.ts';

const InvitationParamsSchema = Type.Object({ invitationId: UuidSchema });
/** Each invitation may send an email: generous for people, tight for a script. */
const inviteRateLimit = { max: 30, timeWindow: '1 minute' };

/** Owners and admins invite people by a link (emailed when SMTP_URL is set), see who has not joined yet, and revoke. */
export async function invitationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const mailer = createInvitationMailer(app.config);
  if (mailer) app.addHook('onClose', async () => mailer.close());

  app.get(
    '/v1/invitations',
    { schema: { response: { 200: InvitationListSchema } }, preHandler: app.requireAgent },
    async (request) => {
      const { workspaceId, role } = request.agent!;
      checkCanManageMembers(role);
      return { invitations: await loadOpenInvitations(app.db, workspaceId) };
    },
  );

  app.post(
    '/v1/invitations',
    {
      schema: { body: InvitationCreateBodySchema, response: { 201: CreatedInvitationSchema } },
      config: { rateLimit: inviteRateLimit },
      preHandler: app.requireAgent,
    },
    async (request, reply) => {
      const actor = request.agent!;
      checkCanManageMembers(actor.role);
      const { id, token } = await createInvitation(app.db, actor, request.body);
      const [invitation] = await loadOpenInvitations(app.db, actor.workspaceId, id);
      const acceptUrl = `${app.config.publicUrl}/invite/${token}`;
      let email: CreatedInvitation['email'] = 'not_configured';
      if (mailer && invitation) {
        const workspace = await app.db
          .selectFrom('workspaces')
          .select('name')
          .where('id', '=', actor.workspaceId)
          .executeTakeFirstOrThrow();
        try {
          await mailer.send({
            to: invitation.email,
            workspaceName: workspace.name,
            inviterName: invitation.invitedBy?.name ?? 'Someone',
            role: invitation.role,
            acceptUrl,
            expiresAt: new Date(invitation.expiresAt),
          });
          email = 'sent';
        } catch (error) {
          request.log.warn({ err: error }, 'the invitation email could not be sent');
          email = 'failed';
        }
      }
      return reply.status(201).send({ invitation: invitation!, acceptUrl, email });
    },
  );

  app.delete(
    '/v1/invitations/:invitationId',
    { schema: { params: InvitationParamsSchema }, preHandler: app.requireAgent },
    async (request, reply) => {
      const { workspaceId, role } = request.agent!;
      checkCanManageMembers(role);
      await revokeInvitation(app.db, workspaceId, request.params.invitationId);
      return reply.status(204).send();
    },
  );
}
