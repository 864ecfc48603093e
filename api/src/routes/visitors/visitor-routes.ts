import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { UuidSchema } from '../../protocol/entities.ts';
import { VisitorConversationListSchema, VisitorProfileSchema } from '../../protocol/visitor-rest.ts';
import { loadVisitorConversations } from '../../services/visitors/load-visitor-conversations.ts';
import { loadVisitorProfile } from '../../services/visitors/load-visitor-profile.ts';

/** What agents see of a visitor (the console's sidebar): every role of the visitor's workspace reads it. */
export async function visitorRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const params = Type.Object({ id: UuidSchema });

  app.get(
    '/v1/visitors/:id',
    { schema: { params, response: { 200: VisitorProfileSchema } }, preHandler: app.requireAgent },
    async (request) => loadVisitorProfile(app.db, request.agent!.workspaceId, request.params.id),
  );

  app.get(
    '/v1/visitors/:id/conversations',
    { schema: { params, response: { 200: VisitorConversationListSchema } }, preHandler: app.requireAgent },
    async (request) => ({
      conversations: await loadVisitorConversations(app.db, request.agent!.workspaceId, request.params.id),
    }),
  );
}
