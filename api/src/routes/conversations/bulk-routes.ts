import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { BulkBodySchema, BulkResultSchema } from '../../protocol/bulk-rest.ts';
import { applyBulkAction } from './bulk-actions.ts';

/**
 * POST /v1/conversations/bulk: status, priority, assignee, team or a label on up to 100 conversations at
 * once. Any agent may (as for one conversation); only the workspace's own conversations change.
 */
export async function bulkRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/v1/conversations/bulk',
    {
      schema: { body: BulkBodySchema, response: { 200: BulkResultSchema } },
      preHandler: app.requireAgent,
    },
    async (request) => {
      const { workspaceId, userId } = request.agent!;
      const { ids, action } = request.body;
      return applyBulkAction(app, request.log, { workspaceId, userId }, ids, action);
    },
  );
}
