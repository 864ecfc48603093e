import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../config.ts';
import { staticFiles } from './static-files.ts';
import { widgetFiles } from './widget-files.ts';

// The widget's files as a host page gets them: no database is involved, so the plugin runs alone on
// a Fastify instance with a made-up widget/dist.

const LOADER = 'console.log("loader")';
const CHAT = 'export function mountChat() {}';
let dist: string;
let app: FastifyInstance;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'parley-widget-dist-'));
  writeFileSync(join(dist, 'widget.js'), LOADER);
  writeFileSync(join(dist, 'widget-chat.Ab3_x-9Z.js'), CHAT);
  writeFileSync(join(dist, 'widget-chat.Ab3_x-9Z.js.gz'), gzipSync(CHAT));
  writeFileSync(join(dist, 'secret.txt'), 'not for the web');
  app = Fastify();
  app.decorate('config', { widgetDistDir: dist, consoleDistDir: join(dist, 'no-console') } as Config);
  await app.register(staticFiles);
  await app.ready();
});

afterAll(async () => {
  await app.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('widget files', () => {
  it('serves widget.js as JavaScript any page may load, cached for minutes', async () => {
    const response = await app.inject({ url: '/widget.js', headers: { 'accept-encoding': 'gzip' } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(LOADER);
    expect(response.headers).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
      'access-control-allow-origin': '*',
      vary: 'accept-encoding',
    });
    // No .gz beside it: the file as it is, whatever the browser accepts.
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('serves the hashed chat chunk for a year, compressed when the browser accepts it', async () => {
    const response = await app.inject({ url: '/widget-chat.Ab3_x-9Z.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'content-encoding': 'gzip',
      'cache-control': 'public, max-age=31536000, immutable',
      'access-control-allow-origin': '*',
    });
    expect(gunzipSync(response.rawPayload).toString()).toBe(CHAT);

    const refused = await app.inject({ url: '/widget-chat.Ab3_x-9Z.js', headers: { 'accept-encoding': 'gzip;q=0' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(CHAT);
  });

  it('answers 404 for a chunk that is not there and serves nothing else of widget/dist', async () => {
    const missing = await app.inject({ url: '/widget-chat.Zz9_missing.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ code: 'route/not_found', message: 'No file /widget-chat.Zz9_missing.js.' });
    // Other names fall through to the console's routes (not built here), never to widget/dist.
    for (const url of ['/widget-chat.Ab3_x-9Z.js.gz', '/secret.txt', '/widget-chat.Ab3_x-9Z.jsx']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(503);
      expect(response.body, url).not.toContain('not for the web');
    }
  });

  it('says the widget is not built when widget.js is missing', async () => {
    const empty = Fastify();
    empty.decorate('config', { widgetDistDir: join(dist, 'nothing') } as Config);
    await empty.register(fastifyStatic, { root: dist, serve: false });
    await empty.register(widgetFiles);
    const response = await empty.inject({ url: '/widget.js' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'server/unavailable' });
    await empty.close();
  });
});
