import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { AppError } from '../../app-error.ts';
import { isAllowedOrigin } from '../../plugins/origins.ts';
import { AttachmentUploadSchema } from '../../protocol/attachments.ts';
import { UuidSchema } from '../../protocol/entities.ts';
import { findVisitorAttachment } from '../../services/attachments/find-attachment.ts';
import { saveUpload } from '../../services/attachments/save-upload.ts';
import { bearerToken, checkIdentityRequirement, findVisitorByToken } from '../../services/visitors/visitor-access.ts';
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

  async function requireVisitor(request: FastifyRequest) {
    const token = bearerToken(request.headers.authorization);
    const visitor = token ? await findVisitorByToken(app.db, token) : undefined;
    if (!visitor) throw new AppError('auth/required', 'A visitor token is required.');
    if (!isAllowedOrigin(request.headers.origin, visitor.allowedOrigins)) {
      throw new AppError(
        'auth/origin_forbidden',
        'This site is not allowed to use this inbox. Add its origin in the console.',
      );
    }
    checkIdentityRequirement(visitor);
    return visitor;
  }

  app.post(
    '/v1/widget/attachments',
    {
      schema: { response: { 201: AttachmentUploadSchema } },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const visitor = await requireVisitor(request);
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
      const visitor = await requireVisitor(request);
      const attachment = await findVisitorAttachment(app.db, visitor, request.params.id);
      if (!attachment) throw new AppError('attachment/not_found', 'No such attachment.');
      return sendAttachment(reply, app.attachmentFiles, attachment, request.query.download === '1');
    },
  );
}
