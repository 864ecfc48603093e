import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { AppError } from '../../app-error.ts';
import {
  ConversationRatingSchema,
  RatingBodySchema,
  TranscriptEmailSchema,
  WidgetConversationListSchema,
} from '../../protocol/csat-rest.ts';
import { UuidSchema } from '../../protocol/entities.ts';
import { publishEvents } from '../../realtime/hub.ts';
import { loadWidgetConversations } from '../../services/csat/load-widget-conversations.ts';
import { rateConversation } from '../../services/csat/rate-conversation.ts';
import { loadTranscript } from '../../services/transcripts/build-transcript.ts';
import { formatTranscript, transcriptFileName } from '../../services/transcripts/format-transcript.ts';
import { createTranscriptMailer } from '../../services/transcripts/transcript-mailer.ts';
import { requireWidgetVisitor } from './widget-visitor.ts';

const ConversationParamsSchema = Type.Object({ id: UuidSchema });

/**
 * The visitor's own conversations (Previous conversations), their CSAT rating and transcript.
 * Registered inside widgetRoutes, so its CORS preflight handling applies; each route checks the
 * visitor token, the inbox's origins and the identity requirement like the other widget routes.
 */
export async function widgetConversationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const mailer = createTranscriptMailer(app.config);
  if (mailer) app.addHook('onClose', async () => mailer.close());

  app.get(
    '/v1/widget/conversations',
    { schema: { response: { 200: WidgetConversationListSchema } } },
    async (request) => {
      const visitor = await requireWidgetVisitor(app.db, request);
      return { conversations: await loadWidgetConversations(app.db, visitor), canEmailTranscript: mailer !== null };
    },
  );

  app.post(
    '/v1/widget/conversations/:id/rating',
    {
      schema: { params: ConversationParamsSchema, body: RatingBodySchema, response: { 200: ConversationRatingSchema } },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request) => {
      const visitor = await requireWidgetVisitor(app.db, request);
      const { event } = await rateConversation(app.db, visitor, request.params.id, request.body);
      publishEvents(app.realtime.hub, visitor, [event]);
      if (event.type !== 'conversation.rated') throw new Error('rating produced another event');
      return {
        conversationId: event.data.conversationId,
        rating: event.data.rating,
        comment: event.data.comment,
        ratedAt: event.data.at,
      };
    },
  );

  app.get(
    '/v1/widget/conversations/:id/transcript',
    { schema: { params: ConversationParamsSchema }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const visitor = await requireWidgetVisitor(app.db, request);
      const transcript = await loadTranscript(app.db, visitor, request.params.id);
      return (
        reply
          .header('content-type', 'text/plain; charset=utf-8')
          .header('content-disposition', `attachment; filename="${transcriptFileName(transcript)}"`)
          .header('x-content-type-options', 'nosniff')
          // The widget fetches it cross-origin and saves it under this name.
          .header('access-control-expose-headers', 'content-disposition')
          .header('cache-control', 'no-store')
          .send(formatTranscript(transcript))
      );
    },
  );

  app.post(
    '/v1/widget/conversations/:id/transcript/email',
    {
      schema: { params: ConversationParamsSchema, response: { 200: TranscriptEmailSchema } },
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
    },
    async (request) => {
      const visitor = await requireWidgetVisitor(app.db, request);
      const transcript = await loadTranscript(app.db, visitor, request.params.id);
      if (!mailer) throw new AppError('transcript/email_unavailable', 'This site does not send email.');
      if (!transcript.visitorEmail) {
        throw new AppError('transcript/no_email', 'Leave your email first: the transcript goes to that address.');
      }
      try {
        await mailer.send({
          to: transcript.visitorEmail,
          inboxName: transcript.inboxName,
          fileName: transcriptFileName(transcript),
          text: formatTranscript(transcript),
        });
      } catch (error) {
        request.log.warn({ err: error }, 'sending a transcript failed');
        throw new AppError('transcript/email_failed', 'The email could not be sent. Try again later.');
      }
      return { sentTo: transcript.visitorEmail };
    },
  );
}
