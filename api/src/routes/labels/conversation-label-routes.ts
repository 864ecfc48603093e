import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { UuidSchema } from '../../protocol/entities.ts';
import { ConversationLabelsSchema } from '../../protocol/label-rest.ts';
import { changeConversationLabel, loadConversationLabels } from '../../services/labels/conversation-labels.ts';
import { publishConversationLabels } from './publish-label-changes.ts';

const ConversationParamsSchema = Type.Object({ id: UuidSchema });
const ConversationLabelParamsSchema = Type.Object({ id: UuidSchema, labelId: UuidSchema });

/**
 * Labels on a conversation, one at a time: any agent of the workspace adds or removes them. PUT and
 * DELETE are idempotent, and two agents changing different labels at once never undo each other. Every
 * agent socket of the workspace hears the conversation's labels after each change.
 */
export async function conversationLabelRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const schema = { params: ConversationLabelParamsSchema, response: { 200: ConversationLabelsSchema } };

  app.get(
    '/v1/conversations/:id/labels',
    {
      schema: { params: ConversationParamsSchema, response: { 200: ConversationLabelsSchema } },
      preHandler: app.requireAgent,
    },
    async (request) => ({
      labels: await loadConversationLabels(app.db, request.agent!.workspaceId, request.params.id),
    }),
  );

  for (const [method, action] of [
    ['PUT', 'add'],
    ['DELETE', 'remove'],
  ] as const) {
    app.route({
      method,
      url: '/v1/conversations/:id/labels/:labelId',
      schema,
      preHandler: app.requireAgent,
      handler: async (request) => {
        const { workspaceId } = request.agent!;
        const { id: conversationId, labelId } = request.params;
        const labels = await changeConversationLabel(app.db, workspaceId, { conversationId, labelId, action });
        publishConversationLabels(app, workspaceId, conversationId, labels);
        return { labels };
      },
    });
  }
}
