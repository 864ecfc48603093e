import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { UuidSchema } from '../../protocol/entities.ts';
import { AVATAR_MAX_BYTES, AvatarUploadedSchema } from '../../protocol/profile-rest.ts';
import { deleteAvatar, loadWorkspaceAvatar, saveAvatar } from '../../services/profile/avatars.ts';

/**
 * An agent's picture: uploaded as the raw request body (whatever Content-Type it claims, the bytes decide),
 * served only to agents of the same workspace, with its exact type and nosniff.
 */
export async function avatarRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // Scoped to this plugin: every non-JSON body is read as bytes; the limit leaves room to answer avatar/too_large.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: AVATAR_MAX_BYTES + 1024 }, (_request, body, done) =>
    done(null, body),
  );

  app.put(
    '/v1/me/avatar',
    {
      schema: { response: { 200: AvatarUploadedSchema } },
      bodyLimit: AVATAR_MAX_BYTES + 1024,
      preHandler: app.requireAgent,
    },
    async (request) => {
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return { avatarUrl: await saveAvatar(app.db, request.agent!.userId, bytes) };
    },
  );

  app.delete('/v1/me/avatar', { preHandler: app.requireAgent }, async (request, reply) => {
    await deleteAvatar(app.db, request.agent!.userId);
    return reply.status(204).send();
  });

  app.get(
    '/v1/users/:userId/avatar',
    { schema: { params: Type.Object({ userId: UuidSchema }) }, preHandler: app.requireAgent },
    async (request, reply) => {
      const avatar = await loadWorkspaceAvatar(app.db, request.agent!.workspaceId, request.params.userId);
      return reply
        .header('content-type', avatar.content_type)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'")
        .header('content-disposition', 'inline')
        .header('cache-control', 'private, max-age=86400')
        .send(avatar.content);
    },
  );
}
