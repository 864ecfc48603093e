import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PreChatAnswersBodySchema } from '../../protocol/pre-chat.ts';
import { savePreChatAnswers } from '../../services/pre-chat/save-pre-chat-answers.ts';
import type { VisitorWithInbox } from '../../services/visitors/visitor-access.ts';

/** POST /v1/widget/pre-chat: the visitor's answers to their inbox's pre-chat form, checked and stored. */
export function preChatRoutes(
  fastify: FastifyInstance,
  requireVisitor: (request: FastifyRequest) => Promise<VisitorWithInbox>,
) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/v1/widget/pre-chat',
    {
      schema: { body: PreChatAnswersBodySchema },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const visitor = await requireVisitor(request);
      await savePreChatAnswers(app.db, visitor, request.body.answers);
      return reply.code(204).send();
    },
  );
}
