import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { notFound } from '../../app-error.ts';
import { UuidSchema } from '../../protocol/entities.ts';
import { ParticipantListSchema } from '../../protocol/note-rest.ts';
import { addParticipant } from '../../services/participants/add-participant.ts';
import { loadParticipants } from '../../services/participants/load-participants.ts';
import { publishParticipants } from '../../services/participants/publish-participants.ts';
import { removeParticipant } from '../../services/participants/remove-participant.ts';

const ParamsSchema = Type.Object({ id: UuidSchema });

/**
 * Who takes part in a conversation, "Join" and "Leave" (the signed-in agent only): any agent of its
 * workspace; another workspace's is a 404. A change is announced to the workspace's agent sockets.
 */
export async function participantRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  async function requireConversation(workspaceId: string, conversationId: string) {
    const row = await app.db
      .selectFrom('conversations')
      .select('id')
      .where('id', '=', conversationId)
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    if (!row) throw notFound('conversation');
  }

  app.get(
    '/v1/conversations/:id/participants',
    { schema: { params: ParamsSchema, response: { 200: ParticipantListSchema } }, preHandler: app.requireAgent },
    async (request) => {
      const { workspaceId } = request.agent!;
      await requireConversation(workspaceId, request.params.id);
      return { participants: await loadParticipants(app.db, workspaceId, request.params.id) };
    },
  );

  app.post(
    '/v1/conversations/:id/participants',
    { schema: { params: ParamsSchema, response: { 200: ParticipantListSchema } }, preHandler: app.requireAgent },
    async (request) => {
      const { workspaceId, userId } = request.agent!;
      await requireConversation(workspaceId, request.params.id);
      if (await addParticipant(app.db, request.params.id, userId))
        await publishParticipants(app, request.log, { workspaceId, conversationId: request.params.id, userId });
      return { participants: await loadParticipants(app.db, workspaceId, request.params.id) };
    },
  );

  app.delete(
    '/v1/conversations/:id/participants',
    { schema: { params: ParamsSchema, response: { 200: ParticipantListSchema } }, preHandler: app.requireAgent },
    async (request) => {
      const { workspaceId, userId } = request.agent!;
      await requireConversation(workspaceId, request.params.id);
      if (await removeParticipant(app.db, request.params.id, userId))
        await publishParticipants(app, request.log, { workspaceId, conversationId: request.params.id, userId });
      return { participants: await loadParticipants(app.db, workspaceId, request.params.id) };
    },
  );
}
