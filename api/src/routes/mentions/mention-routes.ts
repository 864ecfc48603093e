import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  MentionListQuerySchema,
  MentionListSchema,
  MentionReadBodySchema,
  MentionReadResultSchema,
} from '../../protocol/note-rest.ts';
import { countUnreadMentions, loadMentions } from '../../services/mentions/load-mentions.ts';
import { markMentionsRead } from '../../services/mentions/mark-mentions-read.ts';
import { publishMentionsRead } from '../../services/mentions/publish-mentions.ts';

/** The signed-in agent's own mentions in their workspace: nobody reads or marks anyone else's. */
export async function mentionRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/v1/mentions',
    {
      schema: { querystring: MentionListQuerySchema, response: { 200: MentionListSchema } },
      preHandler: app.requireAgent,
    },
    async (request) => {
      const reader = { workspaceId: request.agent!.workspaceId, userId: request.agent!.userId };
      const [mentions, unreadCount] = await Promise.all([
        loadMentions(app.db, reader, { limit: request.query.limit, isUnreadOnly: request.query.unread }),
        countUnreadMentions(app.db, reader),
      ]);
      return { mentions, unreadCount };
    },
  );

  app.post(
    '/v1/mentions/read',
    {
      schema: { body: MentionReadBodySchema, response: { 200: MentionReadResultSchema } },
      preHandler: app.requireAgent,
    },
    async (request) => {
      const reader = { workspaceId: request.agent!.workspaceId, userId: request.agent!.userId };
      const changed = await markMentionsRead(app.db, reader, request.body.ids);
      const unreadCount = await countUnreadMentions(app.db, reader);
      if (changed > 0) publishMentionsRead(app, reader.workspaceId, reader.userId, unreadCount);
      return { unreadCount };
    },
  );
}
