import cors from '@fastify/cors';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { notFound } from '../../app-error.ts';
import { UuidSchema } from '../../protocol/entities.ts';
import {
  ConversationDetailSchema,
  ConversationEventsQuerySchema,
  WidgetConfigSchema,
  WidgetSessionBodySchema,
  WidgetSessionSchema,
} from '../../protocol/rest.ts';
import { VisitorContactBodySchema, WidgetAvailabilitySchema } from '../../protocol/widget-availability.ts';
import { loadConversationDetail } from '../../services/conversations/load-conversation-detail.ts';
import { loadWidgetAvailability } from '../../services/visitors/load-widget-availability.ts';
import { recordVisitorDevice } from '../../services/visitors/record-visitor-device.ts';
import { saveVisitorContact } from '../../services/visitors/save-visitor-contact.ts';
import { startVisitorSession } from '../../services/visitors/start-visitor-session.ts';
import { bearerToken } from '../../services/visitors/visitor-access.ts';
import { widgetAttachmentRoutes } from '../attachments/widget-attachment-routes.ts';
import { preChatRoutes } from './pre-chat-routes.ts';
import { createReplyTimeCache } from './reply-time.ts';
import { sendCachedConfig } from './widget-config-cache.ts';
import { widgetConversationRoutes } from './widget-conversations-routes.ts';
import { checkWidgetOrigin, requireWidgetVisitor } from './widget-visitor.ts';

/** The widget's HTTP routes. They are called cross-origin from host pages, so each checks the Origin itself. */
export async function widgetRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // Preflights pass; each route then accepts only the origins its inbox allows.
  await app.register(cors, {
    origin: true,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization'],
    maxAge: 600,
  });
  await app.register(widgetAttachmentRoutes);
  await app.register(widgetConversationRoutes);

  const requireVisitor = (request: FastifyRequest) => requireWidgetVisitor(app.db, request);
  const replyTimeOf = createReplyTimeCache(app.db);
  preChatRoutes(app, requireVisitor);

  app.get(
    '/v1/widget/inboxes/:siteKey/config',
    {
      schema: {
        params: Type.Object({ siteKey: Type.String({ maxLength: 64 }) }),
        response: { 200: WidgetConfigSchema },
      },
    },
    async (request, reply) => {
      const inbox = await app.db
        .selectFrom('inboxes')
        .select(['id', 'name', 'appearance'])
        .where('site_key', '=', request.params.siteKey)
        .executeTakeFirst();
      if (!inbox) throw notFound('inbox');
      const replyTime = inbox.appearance.replyTime ?? (await replyTimeOf(inbox.id));
      return sendCachedConfig(request, reply, { inboxName: inbox.name, appearance: inbox.appearance, replyTime });
    },
  );

  app.get(
    '/v1/widget/inboxes/:siteKey/availability',
    {
      schema: {
        params: Type.Object({ siteKey: Type.String({ maxLength: 64 }) }),
        response: { 200: WidgetAvailabilitySchema },
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const inbox = await app.db
        .selectFrom('inboxes')
        .select(['id', 'workspace_id', 'business_hours'])
        .where('site_key', '=', request.params.siteKey)
        .executeTakeFirst();
      if (!inbox) throw notFound('inbox');
      const onlineAgentIds = await app.realtime.presence.onlineAgentIds(inbox.workspace_id);
      // Short: an agent coming online should show within seconds, yet a busy page need not ask each time.
      reply.header('cache-control', 'public, max-age=15');
      return loadWidgetAvailability(app.db, inbox, onlineAgentIds);
    },
  );

  app.post(
    '/v1/widget/session',
    {
      schema: { body: WidgetSessionBodySchema, response: { 200: WidgetSessionSchema } },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request) => {
      const inbox = await app.db
        .selectFrom('inboxes')
        .select(['id', 'workspace_id', 'allowed_origins', 'identity_secret', 'require_identity'])
        .where('site_key', '=', request.body.siteKey)
        .executeTakeFirst();
      if (!inbox) throw notFound('inbox');
      checkWidgetOrigin(request, inbox.allowed_origins);
      const { siteKey: _, page, timeZone, ...facts } = request.body;
      const pageUrl = page?.url ?? facts.pageUrl;
      const token = bearerToken(request.headers.authorization);
      const session = await startVisitorSession(app.db, inbox, token, { ...facts, pageUrl });
      await recordVisitorDevice(app.db, session.visitorId, {
        userAgent: request.headers['user-agent'],
        timeZone,
        page,
      });
      return session;
    },
  );

  app.get(
    '/v1/widget/conversations/:id',
    {
      schema: {
        params: Type.Object({ id: UuidSchema }),
        querystring: ConversationEventsQuerySchema,
        response: { 200: ConversationDetailSchema },
      },
    },
    async (request) => {
      const visitor = await requireVisitor(request);
      return loadConversationDetail(app.db, visitor, request.params.id, request.query);
    },
  );

  app.post(
    '/v1/widget/visitor/contact',
    {
      schema: { body: VisitorContactBodySchema },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const visitor = await requireVisitor(request);
      await saveVisitorContact(app.db, visitor.visitorId, request.body.email);
      return reply.code(204).send();
    },
  );
}
