import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ConversationTeamBodySchema, ConversationTeamResultSchema } from '../../protocol/conversation-team-rest.ts';
import { UuidSchema } from '../../protocol/entities.ts';
import { runSetTeam } from './team-commands.ts';

/** PUT /v1/conversations/:id/team: any agent of the workspace sets or clears the conversation's team. */
export async function conversationTeamRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.put(
    '/v1/conversations/:id/team',
    {
      schema: {
        params: Type.Object({ id: UuidSchema }),
        body: ConversationTeamBodySchema,
        response: { 200: ConversationTeamResultSchema },
      },
      preHandler: app.requireAgent,
    },
    async (request) => {
      const { workspaceId, userId } = request.agent!;
      return runSetTeam(
        app,
        request.log,
        { workspaceId, userId },
        {
          conversationId: request.params.id,
          teamId: request.body.teamId,
        },
      );
    },
  );
}
