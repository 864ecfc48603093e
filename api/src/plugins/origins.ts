import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';

/**
 * The console is served by the api itself, so a browser request from it carries the api's own origin:
 * the configured public URL, or the host it was addressed to. Anything else is another site.
 */
export function isConsoleOrigin(request: FastifyRequest, config: Config): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  if (origin === config.publicUrl) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export function isAllowedOrigin(origin: string | undefined, allowedOrigins: readonly string[]): origin is string {
  return origin !== undefined && allowedOrigins.includes(origin);
}
