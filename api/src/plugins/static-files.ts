import { existsSync } from 'node:fs';
import { join, normalize } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { widgetFiles } from './widget-files.ts';

/** Serves the built widget (widget-files.ts) and the built console at / (any other page path falls back to it). */
export async function staticFiles(app: FastifyInstance) {
  const { consoleDistDir } = app.config;

  // Files are looked up per request, not listed at boot, so a rebuilt console is served without a restart.
  await app.register(fastifyStatic, { root: consoleDistDir, serve: false });
  await app.register(widgetFiles);
  app.get('/*', (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/v1/')) {
      return reply.status(404).send({ code: 'route/not_found', message: `No route GET ${path}.` });
    }
    if (!existsSync(join(consoleDistDir, 'index.html'))) {
      return reply
        .status(503)
        .send({ code: 'server/unavailable', message: 'The console is not built: run pnpm build.' });
    }
    const isFile = /\.[a-z0-9]+$/i.test(path);
    if (isFile && !existsSync(join(consoleDistDir, normalize(path)))) {
      return reply.status(404).send({ code: 'route/not_found', message: `No file ${path}.` });
    }
    // Any other path is a console page, which the single-page app routes itself.
    return reply.sendFile(isFile ? path.slice(1) : 'index.html', consoleDistDir);
  });
}
