import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { UuidSchema } from '../../protocol/entities.ts';
import {
  LabelCreateBodySchema,
  LabelListSchema,
  LabelSchema,
  LabelUpdateBodySchema,
} from '../../protocol/label-rest.ts';
import { checkCanManageLabels } from '../../services/labels/label-policy.ts';
import { loadLabels } from '../../services/labels/load-labels.ts';
import { createLabel, deleteLabel, updateLabel } from '../../services/labels/save-label.ts';
import { publishLabelSet } from './publish-label-changes.ts';

const LabelParamsSchema = Type.Object({ id: UuidSchema });

/** The workspace's labels: every agent reads them; owners and admins change them (every console hears the new set). */
export async function labelRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/v1/labels',
    { schema: { response: { 200: LabelListSchema } }, preHandler: app.requireAgent },
    async (request) => ({ labels: await loadLabels(app.db, request.agent!.workspaceId) }),
  );

  app.post(
    '/v1/labels',
    { schema: { body: LabelCreateBodySchema, response: { 201: LabelSchema } }, preHandler: app.requireAgent },
    async (request, reply) => {
      checkCanManageLabels(request.agent!.role);
      const label = await createLabel(app.db, request.agent!.workspaceId, request.body);
      await publishLabelSet(app, request.log, request.agent!.workspaceId);
      return reply.status(201).send(label);
    },
  );

  app.patch(
    '/v1/labels/:id',
    {
      schema: { params: LabelParamsSchema, body: LabelUpdateBodySchema, response: { 200: LabelSchema } },
      preHandler: app.requireAgent,
    },
    async (request) => {
      checkCanManageLabels(request.agent!.role);
      const label = await updateLabel(app.db, request.agent!.workspaceId, request.params.id, request.body);
      await publishLabelSet(app, request.log, request.agent!.workspaceId);
      return label;
    },
  );

  app.delete(
    '/v1/labels/:id',
    { schema: { params: LabelParamsSchema }, preHandler: app.requireAgent },
    async (request, reply) => {
      checkCanManageLabels(request.agent!.role);
      await deleteLabel(app.db, request.agent!.workspaceId, request.params.id);
      await publishLabelSet(app, request.log, request.agent!.workspaceId);
      return reply.status(204).send();
    },
  );
}
