import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { SearchQuerySchema, SearchResultSchema } from '../../protocol/search-rest.ts';
import { searchMessages } from '../../services/search/search-messages.ts';

export async function searchRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/v1/search',
    {
      schema: { querystring: SearchQuerySchema, response: { 200: SearchResultSchema } },
      preHandler: app.requireAgent,
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (request) => searchMessages(app.db, request.agent!.workspaceId, request.query),
  );
}
