import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import websocket from '@fastify/websocket';
import type { Database } from '@parley/db';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import { MessageAppendBatcher } from './commands/message-append-batch.ts';
import type { Config } from './config.ts';
import { agentAuthPlugin } from './plugins/agent-auth.ts';
import { errorHandlerPlugin } from './plugins/error-handler.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import { type RealtimeOptions, realtimePlugin } from './plugins/realtime.ts';
import { routingSweeperPlugin } from './plugins/routing-sweeper.ts';
import { sessionSweeperPlugin } from './plugins/session-sweeper.ts';
import { snoozeSweeperPlugin } from './plugins/snooze-sweeper.ts';
import { staticFiles } from './plugins/static-files.ts';
import { LIMITS } from './protocol/constants.ts';
import { agentAttachmentRoutes } from './routes/attachments/agent-attachment-routes.ts';
import { attachmentFilesPlugin } from './routes/attachments/attachment-files-plugin.ts';
import { authRoutes } from './routes/auth/auth-routes.ts';
import { cannedResponseRoutes } from './routes/canned-responses/canned-response-routes.ts';
import { contactRoutes } from './routes/contacts/contact-routes.ts';
import { bulkRoutes } from './routes/conversations/bulk-routes.ts';
import { conversationRoutes } from './routes/conversations/conversation-routes.ts';
import { conversationTeamRoutes } from './routes/conversations/conversation-team-routes.ts';
import { healthRoutes } from './routes/health/health-routes.ts';
import { inboxCreateRoutes } from './routes/inboxes/inbox-create-routes.ts';
import { inboxIdentityRoutes } from './routes/inboxes/inbox-identity-routes.ts';
import { inboxRoutes } from './routes/inboxes/inbox-routes.ts';
import { inboxRoutingRoutes } from './routes/inboxes/inbox-routing-routes.ts';
import { conversationLabelRoutes } from './routes/labels/conversation-label-routes.ts';
import { labelRoutes } from './routes/labels/label-routes.ts';
import { avatarRoutes } from './routes/me/avatar-routes.ts';
import { meRoutes } from './routes/me/me-routes.ts';
import { invitationAcceptRoutes } from './routes/members/invitation-accept-routes.ts';
import { invitationRoutes } from './routes/members/invitation-routes.ts';
import { memberAccessRoutes } from './routes/members/member-access-routes.ts';
import { memberRoutes } from './routes/members/member-routes.ts';
import { mentionRoutes } from './routes/mentions/mention-routes.ts';
import { participantRoutes } from './routes/participants/participant-routes.ts';
import { agentSocketRoute } from './routes/realtime/agent-socket.ts';
import { chooseSubprotocol } from './routes/realtime/subprotocols.ts';
import { widgetSocketRoute } from './routes/realtime/widget-socket.ts';
import { searchRoutes } from './routes/search/search-routes.ts';
import { teamRoutes } from './routes/teams/team-routes.ts';
import { visitorRoutes } from './routes/visitors/visitor-routes.ts';
import { widgetRoutes } from './routes/widget/widget-routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Kysely<Database>;
    /** Visitors' sends and agents' replies into open conversations, written many to a statement. */
    messageAppends: MessageAppendBatcher;
  }
}

export interface AppOptions {
  config: Config;
  db: Kysely<Database>;
  realtime?: RealtimeOptions;
  logger?: boolean;
  /** Hears every route as it is added (the authorization matrix test lists them this way). */
  onRoute?: (route: RouteOptions) => void;
}

/** The whole api as a Fastify instance that tests can build without listening. */
export async function buildApp({
  config,
  db,
  realtime = {},
  logger = true,
  onRoute,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    trustProxy: config.trustProxy,
    bodyLimit: 256 * 1024,
  });
  if (onRoute) app.addHook('onRoute', onRoute);
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  app.decorate('config', config);
  app.decorate('db', db);
  app.decorate('messageAppends', new MessageAppendBatcher(db));

  await app.register(metricsPlugin);
  await app.register(errorHandlerPlugin);
  await app.register(helmet, {
    // widget.js and the widget api are used by other sites' pages.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    contentSecurityPolicy: { directives: { 'connect-src': ["'self'"], 'img-src': ["'self'", 'data:'] } },
  });
  await app.register(cookie);
  const redis = config.redisUrl ? { url: config.redisUrl, keyPrefix: config.redisKeyPrefix } : undefined;
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (request) => request.ip ?? 'unknown',
    // Shared by every api process when there are several; a Redis outage lets requests through rather than failing them.
    ...(redis
      ? { redis: createRateLimitRedis(app, redis.url), nameSpace: `${redis.keyPrefix}rate:`, skipOnError: true }
      : {}),
  });
  await app.register(websocket, {
    options: { maxPayload: LIMITS.frameMaxBytes, perMessageDeflate: false, handleProtocols: chooseSubprotocol },
  });
  await app.register(realtimePlugin, { redis, ...realtime });
  await app.register(agentAuthPlugin);
  await app.register(routingSweeperPlugin);
  await app.register(sessionSweeperPlugin);
  await app.register(snoozeSweeperPlugin);
  await app.register(attachmentFilesPlugin);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(meRoutes);
  await app.register(avatarRoutes);
  await app.register(inboxRoutes);
  await app.register(inboxCreateRoutes);
  await app.register(inboxRoutingRoutes);
  await app.register(inboxIdentityRoutes);
  await app.register(memberRoutes);
  await app.register(memberAccessRoutes);
  await app.register(invitationRoutes);
  await app.register(invitationAcceptRoutes);
  await app.register(teamRoutes);
  await app.register(conversationRoutes);
  await app.register(bulkRoutes);
  await app.register(conversationTeamRoutes);
  await app.register(labelRoutes);
  await app.register(conversationLabelRoutes);
  await app.register(mentionRoutes);
  await app.register(participantRoutes);
  await app.register(cannedResponseRoutes);
  await app.register(searchRoutes);
  await app.register(visitorRoutes);
  await app.register(contactRoutes);
  await app.register(agentAttachmentRoutes);
  await app.register(widgetRoutes);
  await app.register(widgetSocketRoute);
  await app.register(agentSocketRoute);
  await app.register(staticFiles);
  return app;
}

function createRateLimitRedis(app: FastifyInstance, url: string): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  redis.on('error', (error) => app.log.warn({ err: error }, 'redis unavailable for rate limits'));
  app.addHook('onClose', async () => redis.disconnect());
  return redis;
}
