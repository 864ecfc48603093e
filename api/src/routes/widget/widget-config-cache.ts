import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WidgetConfig } from '../../protocol/rest.ts';

/** A minute: an appearance saved in the console shows on sites within it; each page view asks at most once. */
const CONFIG_CACHE = 'public, max-age=60';

/**
 * Sends the widget config with a cache header and an ETag; a browser revalidating an unchanged config
 * gets 304 and no body.
 */
export function sendCachedConfig(request: FastifyRequest, reply: FastifyReply, config: WidgetConfig) {
  const etag = `"${createHash('sha256').update(JSON.stringify(config)).digest('base64url').slice(0, 27)}"`;
  reply.header('cache-control', CONFIG_CACHE).header('etag', etag);
  const asked = request.headers['if-none-match'];
  if (asked?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
  return config;
}
