import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ConversationDetail, Inbox, WidgetConfig } from '../../protocol/rest.ts';
import { hashToken } from '../../services/auth/tokens.ts';
import {
  FOREIGN_ORIGIN,
  SITE_ORIGIN,
  startTestServer,
  type TestAgent,
  type TestServer,
} from '../../testing/test-server.ts';

let server: TestServer;
let agent: TestAgent;
let inbox: Inbox;
beforeAll(async () => {
  server = await startTestServer();
  agent = await server.signUp(undefined, { workspaceName: 'Widget Co' });
  inbox = await server.inboxOf(agent.cookie);
});
afterAll(() => server.close());

describe('config', () => {
  test('answers the inbox name and appearance, cacheable', async () => {
    const response = await server.request<WidgetConfig>('GET', `/v1/widget/inboxes/${inbox.siteKey}/config`, {
      origin: SITE_ORIGIN,
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ inboxName: inbox.name, appearance: inbox.appearance, replyTime: null });
    expect(response.headers.get('cache-control')).toContain('max-age=');
  });

  test('a wrong site key gets 404 inbox/not_found', async () => {
    const response = await server.request('GET', '/v1/widget/inboxes/pk_000000000000000000000000/config', {
      origin: SITE_ORIGIN,
    });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'inbox/not_found' });
  });
});

describe('session', () => {
  test('a wrong site key gets 404 inbox/not_found and creates no visitor', async () => {
    const before = await server.db.selectFrom('visitors').select('id').execute();
    const response = await server.request('POST', '/v1/widget/session', {
      origin: SITE_ORIGIN,
      body: { siteKey: 'pk_000000000000000000000000' },
    });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'inbox/not_found' });
    expect(await server.db.selectFrom('visitors').select('id').execute()).toHaveLength(before.length);
  });

  test('from an origin not in the inbox’s allowed origins gets 403 auth/origin_forbidden and creates no visitor', async () => {
    const before = await server.db.selectFrom('visitors').select('id').execute();
    for (const origin of [FOREIGN_ORIGIN, null]) {
      const response = await server.request('POST', '/v1/widget/session', { origin, body: { siteKey: inbox.siteKey } });
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'auth/origin_forbidden' });
    }
    expect(await server.db.selectFrom('visitors').select('id').execute()).toHaveLength(before.length);
  });

  test('a new visitor gets a token stored only hashed; presenting it again gives the same visitor and their open conversation', async () => {
    const first = await server.startVisitor(inbox.siteKey);
    expect(first.conversation).toBeNull();
    expect(first.token.length).toBeGreaterThanOrEqual(26);
    const stored = await server.db
      .selectFrom('visitor_tokens')
      .select('token_hash')
      .where('visitor_id', '=', first.visitorId)
      .execute();
    expect(stored.map((row) => row.token_hash)).toEqual([hashToken(first.token)]);

    const socket = await server.openVisitorSocket(first.token);
    await socket.hello();
    const message = await socket.sendAcked({ body: 'hello from the site' });
    socket.close();

    const again = await server.startVisitor(inbox.siteKey, SITE_ORIGIN, first.token);
    expect(again.visitorId).toBe(first.visitorId);
    expect(again.token).toBe(first.token);
    expect(again.conversation?.id).toBe(message.conversationId);
    expect(again.events.map((event) => event.type)).toContain('message.created');

    const unknown = await server.startVisitor(inbox.siteKey, SITE_ORIGIN, 'a'.repeat(32));
    expect(unknown.visitorId).not.toBe(first.visitorId);
    expect(unknown.conversation).toBeNull();
  });
});

describe('conversation history', () => {
  test('visitor 2 cannot read visitor 1’s conversation: 404 like a missing id', async () => {
    const one = await server.connectVisitor(inbox.siteKey);
    const message = await one.socket.sendAcked({ body: 'private to visitor one' });
    const two = await server.startVisitor(inbox.siteKey);

    const own = await server.request<ConversationDetail>('GET', `/v1/widget/conversations/${message.conversationId}`, {
      origin: SITE_ORIGIN,
      token: one.session.token,
    });
    expect(own.status).toBe(200);
    expect(
      own.body.events.some(
        (event) => event.type === 'message.created' && event.data.message.body === 'private to visitor one',
      ),
    ).toBe(true);

    const foreign = await server.request('GET', `/v1/widget/conversations/${message.conversationId}`, {
      origin: SITE_ORIGIN,
      token: two.token,
    });
    const missing = await server.request('GET', '/v1/widget/conversations/00000000-0000-4000-8000-000000000000', {
      origin: SITE_ORIGIN,
      token: two.token,
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ code: 'conversation/not_found' });
    expect(foreign.body).toEqual(missing.body);
  });

  test('needs a visitor token (401) from an allowed origin (403)', async () => {
    const visitor = await server.connectVisitor(inbox.siteKey);
    const message = await visitor.socket.sendAcked({ body: 'hi' });
    const path = `/v1/widget/conversations/${message.conversationId}`;

    const noToken = await server.request('GET', path, { origin: SITE_ORIGIN });
    expect(noToken.status).toBe(401);
    expect(noToken.body).toMatchObject({ code: 'auth/required' });
    const badToken = await server.request('GET', path, { origin: SITE_ORIGIN, token: 'b'.repeat(32) });
    expect(badToken.status).toBe(401);
    const foreignSite = await server.request('GET', path, { origin: FOREIGN_ORIGIN, token: visitor.session.token });
    expect(foreignSite.status).toBe(403);
    expect(foreignSite.body).toMatchObject({ code: 'auth/origin_forbidden' });
  });
});

test('CORS preflight from a host page is answered', async () => {
  const response = await server.request('OPTIONS', '/v1/widget/session', {
    origin: SITE_ORIGIN,
    headers: {
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,authorization',
    },
  });
  expect(response.status).toBe(204);
  expect(response.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
});
