import { randomBytes } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { notFound } from '../../app-error.ts';
import { checkCanManageRouting } from '../../policies/routing-policy.ts';
import { UuidSchema } from '../../protocol/entities.ts';
import { InboxIdentitySchema, InboxIdentityUpdateBodySchema } from '../../protocol/identity-rest.ts';
import { runTransaction } from '../../services/run-transaction.ts';

const InboxParamsSchema = Type.Object({ id: UuidSchema });

/** The identity secret and whether identity is required, for owners and admins. */
export async function inboxIdentityRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  async function loadIdentity(workspaceId: string, inboxId: string) {
    const row = await app.db
      .selectFrom('inboxes')
      .select(['identity_secret', 'require_identity'])
      .where('id', '=', inboxId)
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    if (!row) throw notFound('inbox');
    return { secret: row.identity_secret, requireIdentity: row.require_identity };
  }

  app.get(
    '/v1/inboxes/:id/identity',
    { schema: { params: InboxParamsSchema, response: { 200: InboxIdentitySchema } }, preHandler: app.requireAgent },
    async (request) => {
      const { workspaceId, role } = request.agent!;
      checkCanManageRouting(role);
      return loadIdentity(workspaceId, request.params.id);
    },
  );

  app.patch(
    '/v1/inboxes/:id/identity',
    {
      schema: {
        params: InboxParamsSchema,
        body: InboxIdentityUpdateBodySchema,
        response: { 200: InboxIdentitySchema },
      },
      preHandler: app.requireAgent,
    },
    async (request) => {
      const { workspaceId, role } = request.agent!;
      checkCanManageRouting(role);
      const updated = await app.db
        .updateTable('inboxes')
        .set({ require_identity: request.body.requireIdentity })
        .where('id', '=', request.params.id)
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) throw notFound('inbox');
      return loadIdentity(workspaceId, request.params.id);
    },
  );

  app.post(
    '/v1/inboxes/:id/identity/rotate',
    { schema: { params: InboxParamsSchema, response: { 200: InboxIdentitySchema } }, preHandler: app.requireAgent },
    async (request) => {
      const { workspaceId, role } = request.agent!;
      checkCanManageRouting(role);
      await runTransaction(app.db, async (trx) => {
        const updated = await trx
          .updateTable('inboxes')
          .set({ identity_secret: randomBytes(32).toString('hex') })
          .where('id', '=', request.params.id)
          .where('workspace_id', '=', workspaceId)
          .executeTakeFirst();
        if (updated.numUpdatedRows === 0n) throw notFound('inbox');
        // Sessions proved with the old secret end: verified visitors identify again with the new one.
        await trx
          .deleteFrom('visitor_tokens')
          .where('visitor_id', 'in', (eb) =>
            eb
              .selectFrom('visitors')
              .select('id')
              .where('inbox_id', '=', request.params.id)
              .where('is_verified', '=', true),
          )
          .execute();
      });
      return loadIdentity(workspaceId, request.params.id);
    },
  );
}
