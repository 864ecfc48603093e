import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { notFound } from '../../app-error.ts';
import { presentInbox } from '../../presenters/inbox.ts';
import { UuidSchema } from '../../protocol/entities.ts';
import { InboxListSchema, InboxSchema, InboxUpdateBodySchema, QueueSchema } from '../../protocol/rest.ts';
import { routeWaitingConversations } from '../../realtime/after-commit.ts';
import { loadQueueState } from '../../routing/queue-state.ts';
import { updateInbox } from '../../services/inboxes/update-inbox.ts';

const InboxParamsSchema = Type.Object({ id: UuidSchema });

export async function inboxRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const present = (row: Parameters<typeof presentInbox>[0]) => presentInbox(row, app.config.publicUrl);

  app.get(
    '/v1/inboxes',
    { schema: { response: { 200: InboxListSchema } }, preHandler: app.requireAgent },
    async (request) => {
      const rows = await app.db
        .selectFrom('inboxes')
        .selectAll()
        .where('workspace_id', '=', request.agent!.workspaceId)
        .orderBy('created_at')
        .execute();
      return { inboxes: rows.map(present) };
    },
  );

  app.get(
    '/v1/inboxes/:id',
    { schema: { params: InboxParamsSchema, response: { 200: InboxSchema } }, preHandler: app.requireAgent },
    async (request) => {
      const row = await app.db
        .selectFrom('inboxes')
        .selectAll()
        .where('id', '=', request.params.id)
        .where('workspace_id', '=', request.agent!.workspaceId)
        .executeTakeFirst();
      if (!row) throw notFound('inbox');
      return present(row);
    },
  );

  app.get(
    '/v1/inboxes/:id/queue',
    { schema: { params: InboxParamsSchema, response: { 200: QueueSchema } }, preHandler: app.requireAgent },
    async (request) => {
      const inbox = await app.db
        .selectFrom('inboxes')
        .select('id')
        .where('id', '=', request.params.id)
        .where('workspace_id', '=', request.agent!.workspaceId)
        .executeTakeFirst();
      if (!inbox) throw notFound('inbox');
      const { inboxId, length, oldestQueuedAt, conversations } = await loadQueueState(app.db, inbox.id);
      return {
        inboxId,
        length,
        oldestQueuedAt,
        conversations: conversations.map(({ id, position, queuedAt }) => ({ id, position, queuedAt })),
      };
    },
  );

  app.patch(
    '/v1/inboxes/:id',
    {
      schema: { params: InboxParamsSchema, body: InboxUpdateBodySchema, response: { 200: InboxSchema } },
      preHandler: app.requireAgent,
    },
    async (request) => {
      const inbox = present(await updateInbox(app.db, request.agent!, request.params.id, request.body));
      // Back to automatic, longer hours, more capacity: the waiting may be assignable now.
      if (request.body.routing) void routeWaitingConversations(app, request.log, request.agent!.workspaceId);
      return inbox;
    },
  );
}
