import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { AppError, notFound } from '../../app-error.ts';
import { AttachmentUploadSchema } from '../../protocol/attachments.ts';
import { UuidSchema } from '../../protocol/entities.ts';
import { findAgentAttachment } from '../../services/attachments/find-attachment.ts';
import { saveUpload } from '../../services/attachments/save-upload.ts';
import { MULTIPART_LIMITS, readUpload } from './read-upload.ts';
import { sendAttachment } from './send-attachment.ts';

/** Agents' uploads into a conversation of their workspace, and the files of their workspace. */
export async function agentAttachmentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  await app.register(multipart, { limits: MULTIPART_LIMITS });

  app.post(
    '/v1/conversations/:id/attachments',
    {
      schema: { params: Type.Object({ id: UuidSchema }), response: { 201: AttachmentUploadSchema } },
      preHandler: app.requireAgent,
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const agent = request.agent!;
      const conversation = await app.db
        .selectFrom('conversations')
        .select('id')
        .where('id', '=', request.params.id)
        .where('workspace_id', '=', agent.workspaceId)
        .executeTakeFirst();
      if (!conversation) throw notFound('conversation');
      const upload = await readUpload(request);
      const attachment = await saveUpload(app.db, app.attachmentFiles, {
        workspaceId: agent.workspaceId,
        conversationId: conversation.id,
        uploader: { type: 'agent', id: agent.userId },
        ...upload,
      });
      return reply.code(201).send({ attachment });
    },
  );

  app.get(
    '/v1/attachments/:id',
    {
      schema: {
        params: Type.Object({ id: UuidSchema }),
        querystring: Type.Object({ download: Type.Optional(Type.Literal('1')) }),
      },
      preHandler: app.requireAgent,
    },
    async (request, reply) => {
      const attachment = await findAgentAttachment(app.db, request.agent!, request.params.id);
      if (!attachment) throw new AppError('attachment/not_found', 'No such attachment.');
      return sendAttachment(reply, app.attachmentFiles, attachment, request.query.download === '1');
    },
  );
}
