import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { CLOSE_CODES } from '../../protocol/constants.ts';
import {
  ContactDetailSchema,
  ContactListQuerySchema,
  ContactListSchema,
  ContactMergeBodySchema,
  ContactUpdateBodySchema,
} from '../../protocol/contact-rest.ts';
import { UuidSchema } from '../../protocol/entities.ts';
import { routeInbox } from '../../realtime/after-commit.ts';
import { closeVisitorSockets } from '../../services/contacts/close-visitor-sockets.ts';
import { checkCanMergeOrDeleteContacts } from '../../services/contacts/contact-policy.ts';
import { deleteContact } from '../../services/contacts/delete-contact.ts';
import { listContacts } from '../../services/contacts/list-contacts.ts';
import { loadContact } from '../../services/contacts/load-contact.ts';
import { mergeContacts } from '../../services/contacts/merge-contacts.ts';
import { updateContact } from '../../services/contacts/update-contact.ts';

const ContactParamsSchema = Type.Object({ id: UuidSchema });

/** The contacts directory: every role reads and edits; owners and admins merge and delete. */
export async function contactRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/v1/contacts',
    {
      schema: { querystring: ContactListQuerySchema, response: { 200: ContactListSchema } },
      preHandler: app.requireAgent,
    },
    async (request) => listContacts(app.db, request.agent!.workspaceId, request.query),
  );

  app.get(
    '/v1/contacts/:id',
    { schema: { params: ContactParamsSchema, response: { 200: ContactDetailSchema } }, preHandler: app.requireAgent },
    async (request) => loadContact(app.db, request.agent!.workspaceId, request.params.id),
  );

  app.patch(
    '/v1/contacts/:id',
    {
      schema: { params: ContactParamsSchema, body: ContactUpdateBodySchema, response: { 200: ContactDetailSchema } },
      preHandler: app.requireAgent,
    },
    async (request) => updateContact(app.db, request.agent!.workspaceId, request.params.id, request.body),
  );

  app.post(
    '/v1/contacts/:id/merge',
    {
      schema: { params: ContactParamsSchema, body: ContactMergeBodySchema, response: { 200: ContactDetailSchema } },
      preHandler: app.requireAgent,
    },
    async (request) => {
      const { workspaceId, role } = request.agent!;
      checkCanMergeOrDeleteContacts(role);
      await mergeContacts(app.db, workspaceId, request.params.id, request.body.otherId);
      // Its tokens now name the survivor: the widget reconnects, resumes, and hears the survivor's conversations.
      closeVisitorSockets(app.realtime, request.body.otherId, CLOSE_CODES.serviceRestart, 'contact merged: reconnect');
      return loadContact(app.db, workspaceId, request.params.id);
    },
  );

  app.delete(
    '/v1/contacts/:id',
    { schema: { params: ContactParamsSchema }, preHandler: app.requireAgent },
    async (request, reply) => {
      const { workspaceId, role } = request.agent!;
      checkCanMergeOrDeleteContacts(role);
      const { inboxId } = await deleteContact(app.db, workspaceId, request.params.id);
      closeVisitorSockets(app.realtime, request.params.id, CLOSE_CODES.unauthorized, 'contact deleted');
      // A waiting conversation left the queue, or an agent has room again: the queue moves and everyone hears it.
      void routeInbox(app, request.log, inboxId, workspaceId);
      return reply.status(204).send();
    },
  );
}
