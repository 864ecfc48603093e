import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Inbox, InboxList } from '../../protocol/rest.ts';
import {
  FOREIGN_ORIGIN,
  SITE_ORIGIN,
  startTestServer,
  type TestAgent,
  type TestServer,
} from '../../testing/test-server.ts';

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

let server: TestServer;
let agentA: TestAgent;
let agentB: TestAgent;
let inboxA: Inbox;
beforeAll(async () => {
  server = await startTestServer();
  agentA = await server.signUp(undefined, { workspaceName: 'Workspace A' });
  agentB = await server.signUp(undefined, { workspaceName: 'Workspace B' });
  inboxA = await server.inboxOf(agentA.cookie);
});
afterAll(() => server.close());

describe('tenant isolation', () => {
  test('an agent of workspace B gets 404 for workspace A’s inbox, with the same body as a missing id', async () => {
    const foreign = await server.request('GET', `/v1/inboxes/${inboxA.id}`, { cookie: agentB.cookie });
    const missing = await server.request('GET', `/v1/inboxes/${MISSING_ID}`, { cookie: agentB.cookie });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ code: 'inbox/not_found' });
    expect(foreign.body).toEqual(missing.body);

    const own = await server.request<Inbox>('GET', `/v1/inboxes/${inboxA.id}`, { cookie: agentA.cookie });
    expect(own.status).toBe(200);
    expect(own.body).toEqual(inboxA);
  });

  test('an agent of workspace B cannot PATCH workspace A’s inbox: 404 like a missing id, and nothing changes', async () => {
    const change = { name: 'Hijacked', allowedOrigins: [FOREIGN_ORIGIN] };
    const foreign = await server.request('PATCH', `/v1/inboxes/${inboxA.id}`, { cookie: agentB.cookie, body: change });
    const missing = await server.request('PATCH', `/v1/inboxes/${MISSING_ID}`, { cookie: agentB.cookie, body: change });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ code: 'inbox/not_found' });
    expect(foreign.body).toEqual(missing.body);

    const row = await server.db
      .selectFrom('inboxes')
      .select(['name', 'allowed_origins'])
      .where('id', '=', inboxA.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: inboxA.name, allowed_origins: inboxA.allowedOrigins });
  });

  test('each agent lists only their own workspace’s inboxes', async () => {
    const listA = await server.request<InboxList>('GET', '/v1/inboxes', { cookie: agentA.cookie });
    const listB = await server.request<InboxList>('GET', '/v1/inboxes', { cookie: agentB.cookie });
    expect(listA.body.inboxes.map((inbox) => inbox.id)).toEqual([inboxA.id]);
    expect(listB.body.inboxes).toHaveLength(1);
    expect(listB.body.inboxes[0]?.id).not.toBe(inboxA.id);
  });
});

describe('update', () => {
  test('the owner changes allowed origins; the widget follows at once', async () => {
    const agent = await server.signUp();
    const inbox = await server.inboxOf(agent.cookie);
    const newOrigin = 'https://new-site.example.test';

    const response = await server.request<Inbox>('PATCH', `/v1/inboxes/${inbox.id}`, {
      cookie: agent.cookie,
      body: {
        name: 'Support',
        allowedOrigins: [newOrigin, newOrigin],
        appearance: { color: '#112233', position: 'left' },
      },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: inbox.id,
      name: 'Support',
      allowedOrigins: [newOrigin],
      appearance: { color: '#112233', position: 'left' },
    });

    const fromNew = await server.request('POST', '/v1/widget/session', {
      origin: newOrigin,
      body: { siteKey: inbox.siteKey },
    });
    expect(fromNew.status).toBe(200);
    const fromOld = await server.request('POST', '/v1/widget/session', {
      origin: SITE_ORIGIN,
      body: { siteKey: inbox.siteKey },
    });
    expect(fromOld.status).toBe(403);
  });

  test('a PATCH from a foreign origin gets 403 auth/origin_forbidden', async () => {
    const response = await server.request('PATCH', `/v1/inboxes/${inboxA.id}`, {
      cookie: agentA.cookie,
      origin: FOREIGN_ORIGIN,
      body: { name: 'Csrf' },
    });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'auth/origin_forbidden' });
    const row = await server.db
      .selectFrom('inboxes')
      .select('name')
      .where('id', '=', inboxA.id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe(inboxA.name);
  });

  test('an invalid origin is refused with 400 request/invalid', async () => {
    const response = await server.request('PATCH', `/v1/inboxes/${inboxA.id}`, {
      cookie: agentA.cookie,
      body: { allowedOrigins: ['https://x.test/path'] },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'request/invalid' });
  });
});
