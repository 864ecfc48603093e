import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import {
  CannedResponseCreateBodySchema,
  CannedResponseListQuerySchema,
  CannedResponseListSchema,
  CannedResponseSchema,
  CannedResponseUpdateBodySchema,
} from '../../protocol/canned-rest.ts';
import { UuidSchema } from '../../protocol/entities.ts';
import { listCannedResponses } from '../../services/canned-responses/list-canned-responses.ts';
import {
  createCannedResponse,
  deleteCannedResponse,
  updateCannedResponse,
} from '../../services/canned-responses/save-canned-response.ts';

const CannedParamsSchema = Type.Object({ id: UuidSchema });

/** Canned responses: the workspace's shared ones and each agent's own. */
export async function cannedResponseRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/v1/canned-responses',
    {
      schema: { querystring: CannedResponseListQuerySchema, response: { 200: CannedResponseListSchema } },
      preHandler: app.requireAgent,
    },
    async (request) => ({ cannedResponses: await listCannedResponses(app.db, request.agent!, request.query) }),
  );

  app.post(
    '/v1/canned-responses',
    {
      schema: { body: CannedResponseCreateBodySchema, response: { 201: CannedResponseSchema } },
      preHandler: app.requireAgent,
    },
    async (request, reply) => reply.status(201).send(await createCannedResponse(app.db, request.agent!, request.body)),
  );

  app.patch(
    '/v1/canned-responses/:id',
    {
      schema: {
        params: CannedParamsSchema,
        body: CannedResponseUpdateBodySchema,
        response: { 200: CannedResponseSchema },
      },
      preHandler: app.requireAgent,
    },
    async (request) => updateCannedResponse(app.db, request.agent!, request.params.id, request.body),
  );

  app.delete(
    '/v1/canned-responses/:id',
    { schema: { params: CannedParamsSchema }, preHandler: app.requireAgent },
    async (request, reply) => {
      await deleteCannedResponse(app.db, request.agent!, request.params.id);
      return reply.status(204).send();
    },
  );
}
