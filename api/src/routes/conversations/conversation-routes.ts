import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { checkCanManageRouting } from '../../policies/routing-policy.ts';
import { presentConversation } from '../../presenters/conversation.ts';
import { UuidSchema } from '../../protocol/entities.ts';
import {
  ConversationDetailSchema,
  ConversationEventsQuerySchema,
  ConversationListQuerySchema,
  ConversationListSchema,
  RoutingDecisionListSchema,
} from '../../protocol/rest.ts';
import { loadRoutingDecisions } from '../../routing/load-routing-decisions.ts';
import { loadConversationDetail } from '../../services/conversations/load-conversation-detail.ts';
import { selectConversationRows } from '../../services/conversations/queries.ts';

const LIST_LIMIT = 200;

export async function conversationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/v1/conversations',
    {
      schema: { querystring: ConversationListQuerySchema, response: { 200: ConversationListSchema } },
      preHandler: app.requireAgent,
    },
    async (request) => {
      const status = request.query.status ?? 'open';
      let query = selectConversationRows(app.db).where('c.workspace_id', '=', request.agent!.workspaceId);
      if (status !== 'all') query = query.where('c.status', '=', status);
      const rows = await query.orderBy('c.updated_at', 'desc').limit(LIST_LIMIT).execute();
      return { conversations: rows.map(presentConversation) };
    },
  );

  app.get(
    '/v1/conversations/:id',
    {
      schema: {
        params: Type.Object({ id: UuidSchema }),
        querystring: ConversationEventsQuerySchema,
        response: { 200: ConversationDetailSchema },
      },
      preHandler: app.requireAgent,
    },
    async (request) =>
      loadConversationDetail(app.db, { workspaceId: request.agent!.workspaceId }, request.params.id, request.query),
  );

  app.get(
    '/v1/conversations/:id/routing',
    {
      schema: { params: Type.Object({ id: UuidSchema }), response: { 200: RoutingDecisionListSchema } },
      preHandler: app.requireAgent,
    },
    async (request) => {
      checkCanManageRouting(request.agent!.role);
      return { decisions: await loadRoutingDecisions(app.db, request.agent!.workspaceId, request.params.id) };
    },
  );
}
