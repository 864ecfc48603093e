import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** widget.js: every page view asks for it, so a new release reaches pages within minutes. */
const LOADER_CACHE = 'public, max-age=300';
/** widget-chat.<hash>.js and widget-chat.<lang>-<hash>.js: a name changes with its content, so a copy never goes stale. */
const CHUNK_CACHE = 'public, max-age=31536000, immutable';
/** The encodings the widget build writes beside each file (.br, .gz), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
];

/** The encodings an Accept-Encoding header allows (q=0 refuses one). */
function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const isRefused = params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param));
    if (name && !isRefused) accepted.add(name);
  }
  return accepted;
}

/**
 * Serves the built widget (widget/dist) to any site's pages: the loader at /widget.js and the chat it
 * imports at /widget-chat.<hash>.js (an ES module, so cross-origin pages need the CORS header), brotli
 * or gzip when the browser accepts it. Registered by static-files.ts, which the sendFile decorator comes from.
 */
export async function widgetFiles(app: FastifyInstance) {
  const { widgetDistDir } = app.config;

  function sendWidgetFile(request: FastifyRequest, reply: FastifyReply, fileName: string, cacheControl: string) {
    if (!existsSync(join(widgetDistDir, fileName))) {
      if (fileName === 'widget.js') {
        return reply
          .status(503)
          .send({ code: 'server/unavailable', message: 'The widget is not built: run pnpm build.' });
      }
      return reply.status(404).send({ code: 'route/not_found', message: `No file /${fileName}.` });
    }
    const accepted = acceptedEncodings(request.headers['accept-encoding']);
    const encoding = ENCODINGS.find(
      ({ name, suffix }) => accepted.has(name) && existsSync(join(widgetDistDir, fileName + suffix)),
    );
    reply.header('content-type', 'text/javascript; charset=utf-8');
    reply.header('cache-control', cacheControl);
    reply.header('vary', 'accept-encoding');
    // Public code without credentials: any page may import it.
    reply.header('access-control-allow-origin', '*');
    if (encoding) reply.header('content-encoding', encoding.name);
    // The headers above stand: send's own Cache-Control and Content-Type (from the file's suffix) are off.
    return reply.sendFile(fileName + (encoding?.suffix ?? ''), widgetDistDir, {
      cacheControl: false,
      contentType: false,
    });
  }

  app.get('/widget.js', (request, reply) => sendWidgetFile(request, reply, 'widget.js', LOADER_CACHE));
  // The hash as rolldown writes it (base64url letters); nothing else of widget/dist is served here.
  app.get<{ Params: { hash: string } }>('/widget-chat.:hash(^[A-Za-z0-9_-]{6,32}).js', (request, reply) =>
    sendWidgetFile(request, reply, `widget-chat.${request.params.hash}.js`, CHUNK_CACHE),
  );
}
