import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { presentInbox } from '../../presenters/inbox.ts';
import { InboxCreateBodySchema } from '../../protocol/inbox-create-rest.ts';
import { InboxSchema } from '../../protocol/rest.ts';
import { createInbox } from '../../services/inboxes/create-inbox.ts';

export async function inboxCreateRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/v1/inboxes',
    {
      schema: { body: InboxCreateBodySchema, response: { 201: InboxSchema } },
      preHandler: app.requireAgent,
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const row = await createInbox(app.db, request.agent!, request.body.name);
      return reply.code(201).send(presentInbox(row, app.config.publicUrl));
    },
  );
}
