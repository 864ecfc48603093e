import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { checkCanManageRouting } from '../../policies/routing-policy.ts';
import { presentConversation } from '../../presenters/conversation.ts';
import { UuidSchema } from '../../protocol/entities.ts';
import {
  AgentConversationDetailSchema,
  AgentConversationListQuerySchema,
  AgentConversationListSchema,
} from '../../protocol/label-rest.ts';
import { ConversationEventsQuerySchema, RoutingDecisionListSchema } from '../../protocol/rest.ts';
import { loadRoutingDecisions } from '../../routing/load-routing-decisions.ts';
import { loadConversationDetail } from '../../services/conversations/load-conversation-detail.ts';
import { selectConversationRows } from '../../services/conversations/queries.ts';
import { withLabels } from '../../services/labels/conversation-labels.ts';
import { checkLabelOfWorkspace } from '../../services/labels/load-labels.ts';

const LIST_LIMIT = 200;

export async function conversationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/v1/conversations',
    {
      schema: { querystring: AgentConversationListQuerySchema, response: { 200: AgentConversationListSchema } },
      preHandler: app.requireAgent,
    },
    async (request) => {
      const { workspaceId } = request.agent!;
      const { status = 'open', label } = request.query;
      let query = selectConversationRows(app.db).where('c.workspace_id', '=', workspaceId);
      if (status !== 'all') query = query.where('c.status', '=', status);
      if (label) {
        await checkLabelOfWorkspace(app.db, workspaceId, label);
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('conversation_labels as cl')
              .select('cl.label_id')
              .whereRef('cl.conversation_id', '=', 'c.id')
              .where('cl.label_id', '=', label),
          ),
        );
      }
      const rows = await query.orderBy('c.updated_at', 'desc').limit(LIST_LIMIT).execute();
      return { conversations: await withLabels(app.db, rows.map(presentConversation)) };
    },
  );

  app.get(
    '/v1/conversations/:id',
    {
      schema: {
        params: Type.Object({ id: UuidSchema }),
        querystring: ConversationEventsQuerySchema,
        response: { 200: AgentConversationDetailSchema },
      },
      preHandler: app.requireAgent,
    },
    async (request) => {
      const detail = await loadConversationDetail(
        app.db,
        { workspaceId: request.agent!.workspaceId },
        request.params.id,
        request.query,
      );
      const [conversation] = await withLabels(app.db, [detail.conversation]);
      return { ...detail, conversation: conversation! };
    },
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
