import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildApp } from '../../app.ts';
import type { CreatedInvitation } from '../../protocol/member-rest.ts';
import { startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts';

// With SMTP_URL set, an invitation is also emailed; the link is answered either way, and a mail server that
// cannot be reached only turns `email` into "failed". A second app on the test database, driven with inject.

let server: TestServer;
let owner: TestAgent;
let sink: SmtpSink;
beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp(undefined, { name: 'Olga <Owner>', workspaceName: 'Acme & Co' });
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
  await server.close();
});

async function withMailingApp<T>(smtpUrl: string, work: (app: FastifyInstance) => Promise<T>): Promise<T> {
  const config = { ...server.config, smtpUrl, smtpFrom: 'Parley <no-reply@support.example.test>' };
  const app = await buildApp({ config, db: server.db, logger: false });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

function inviteWith(app: FastifyInstance, email: string) {
  return app.inject({
    method: 'POST',
    url: '/v1/invitations',
    headers: { origin: server.config.publicUrl, cookie: owner.cookie, 'x-forwarded-for': '198.51.100.9' },
    payload: { email, role: 'agent' },
  });
}

test('the invitation is emailed as plain text with the link, from SMTP_FROM', async () => {
  const response = await withMailingApp(sink.url, (app) => inviteWith(app, 'mia@example.test'));
  expect(response.statusCode).toBe(201);
  const created = response.json<CreatedInvitation>();
  expect(created.email).toBe('sent');
  expect(sink.messages).toHaveLength(1);
  const message = sink.messages[0]!;
  expect(message).toMatch(/^From: Parley <no-reply@support\.example\.test>$/m);
  expect(message).toMatch(/^To: mia@example\.test$/m);
  expect(message).toMatch(/^Content-Type: text\/plain/m);
  expect(message.replace(/=\r\n/g, '')).toContain(created.acceptUrl);
  expect(message).toContain('Olga <Owner> invited you to join Acme & Co on Parley as an agent.');
});

test('an unreachable mail server: the invitation and its link are still answered, with email "failed"', async () => {
  const closed = await startSmtpSink();
  await closed.close();
  const response = await withMailingApp(closed.url, (app) => inviteWith(app, 'noah@example.test'));
  expect(response.statusCode).toBe(201);
  const created = response.json<CreatedInvitation>();
  expect(created.email).toBe('failed');
  expect((await server.request('GET', `/v1/invitations/${created.acceptUrl.split('/').at(-1)}`)).status).toBe(200);
});
