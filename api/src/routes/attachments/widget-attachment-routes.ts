import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { AppError } from '../../app-error.ts';
import { AttachmentUploadSchema } from '../../protocol/attachments.ts';
import { UuidSchema } from '../../protocol/entities.ts';
import { findVisitorAttachment } from '../../services/attachments/find-attachment.ts';
import { saveUpload } from '../../services/attachments/save-upload.ts';
import { requireWidgetVisitor } from '../widget/widget-visitor.ts';
import { MULTIPART_LIMITS, readUpload } from './read-upload.ts';
import { sendAttachment } from './send-attachment.ts';

/**
 * A visitor's uploads and the files of their own conversations. Registered inside widgetRoutes, so the
 * widget's CORS applies; each route checks the token and the inbox's origins itself. Files are read with
 * the token in the Authorization header (never in a URL), so the widget fetches them into blob URLs.
 */
export async function widgetAttachmentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  await app.register(multipart, { limits: MULTIPART_LIMITS });

  app.post(
    '/v1/widget/attachments',
    {
      schema: { response: { 201: AttachmentUploadSchema } },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const visitor = await requireWidgetVisitor(app.db, request);
      const upload = await readUpload(request);
      const attachment = await saveUpload(app.db, app.attachmentFiles, {
        workspaceId: visitor.workspaceId,
        conversationId: null,
        uploader: { type: 'visitor', id: visitor.visitorId },
        ...upload,
      });
      return reply.code(201).send({ attachment });
    },
  );

  app.get(
    '/v1/widget/attachments/:id',
    {
      schema: {
        params: Type.Object({ id: UuidSchema }),
        querystring: Type.Object({ download: Type.Optional(Type.Literal('1')) }),
      },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const visitor = await requireWidgetVisitor(app.db, request);
      const attachment = await findVisitorAttachment(app.db, visitor, request.params.id);
      if (!attachment) throw new AppError('attachment/not_found', 'No such attachment.');
      return sendAttachment(reply, app.attachmentFiles, attachment, request.query.download === '1');
    },
  );
}
