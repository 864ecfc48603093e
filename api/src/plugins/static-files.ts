import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built widget at /widget.js and the built console at / (any other page path falls back to it). */
export async function staticFiles(app: FastifyInstance) {
  const { widgetDistDir, consoleDistDir } = app.config;
  const hasConsole = existsSync(join(consoleDistDir, 'index.html'));

  app.get('/widget.js', (_request, reply) => {
    if (!existsSync(join(widgetDistDir, 'widget.js'))) {
      return reply
        .status(503)
        .send({ code: 'server/unavailable', message: 'The widget is not built: run pnpm build.' });
    }
    reply.header('cache-control', 'public, max-age=300');
    return reply.sendFile('widget.js', widgetDistDir);
  });

  if (!hasConsole) {
    app.get('/', (_request, reply) =>
      reply.status(503).send({ code: 'server/unavailable', message: 'The console is not built: run pnpm build.' }),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: consoleDistDir,
    wildcard: false,
    index: 'index.html',
    decorateReply: true,
  });
  app.get('/*', (request, reply) => {
    if (request.url.startsWith('/v1/')) {
      return reply.status(404).send({ code: 'route/not_found', message: `No route GET ${request.url}.` });
    }
    return reply.sendFile('index.html', consoleDistDir);
  });
}
