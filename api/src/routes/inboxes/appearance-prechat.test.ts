import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PreChatForm } from '../../protocol/pre-chat.ts';
import type { Inbox, WidgetConfig } from '../../protocol/rest.ts';
import type { VisitorProfile } from '../../protocol/visitor-rest.ts';
import { SITE_ORIGIN, startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';

const FORM: PreChatForm = {
  enabled: true,
  fields: [
    { key: 'name', label: 'Your name', type: 'text', required: true },
    { key: 'email', label: 'Email', type: 'email', required: true },
    { key: 'plan', label: 'Plan', type: 'select', required: false, options: ['Free', 'Pro'] },
    { key: 'order_id', label: 'Order number', type: 'text', required: false },
  ],
};

let server: TestServer;
let owner: TestAgent;
let outsider: TestAgent;
let inbox: Inbox;
beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp();
  outsider = await server.signUp();
  inbox = await server.inboxOf(owner.cookie);
});
afterAll(() => server.close());

const patchAppearance = (appearance: unknown) =>
  server.request<Inbox>('PATCH', `/v1/inboxes/${inbox.id}`, { cookie: owner.cookie, body: { appearance } });
const configOf = (siteKey: string, headers: Record<string, string> = {}) =>
  server.request<WidgetConfig>('GET', `/v1/widget/inboxes/${siteKey}/config`, { headers });

describe('appearance', () => {
  test('logo and pre-chat form are saved and reach the widget config', async () => {
    const appearance = { ...inbox.appearance, logoUrl: 'https://cdn.example.test/logo.png', preChatForm: FORM };
    const saved = await patchAppearance(appearance);
    expect(saved.status).toBe(200);
    expect(saved.body.appearance).toEqual(appearance);
    expect((await configOf(inbox.siteKey)).body.appearance).toEqual(appearance);
  });

  test.each([
    ['an http logo', { logoUrl: 'http://cdn.example.test/logo.png' }],
    ['a javascript: logo', { logoUrl: 'javascript:alert(1)' }],
    [
      'eleven fields',
      {
        preChatForm: {
          enabled: true,
          fields: Array.from({ length: 11 }, (_, i) => ({ key: `f${i}`, label: 'F', type: 'text', required: false })),
        },
      },
    ],
    [
      'an unknown field type',
      { preChatForm: { enabled: true, fields: [{ key: 'age', label: 'Age', type: 'number', required: false }] } },
    ],
    [
      'a key with spaces',
      { preChatForm: { enabled: true, fields: [{ key: 'my key', label: 'K', type: 'text', required: false }] } },
    ],
    [
      'an empty label',
      { preChatForm: { enabled: true, fields: [{ key: 'k', label: '', type: 'text', required: false }] } },
    ],
    ['the same key twice', { preChatForm: { enabled: true, fields: [FORM.fields[0], FORM.fields[0]] } }],
    [
      'a select without options',
      { preChatForm: { enabled: true, fields: [{ key: 'plan', label: 'Plan', type: 'select', required: false }] } },
    ],
    [
      'options on a text field',
      {
        preChatForm: {
          enabled: true,
          fields: [{ key: 'k', label: 'K', type: 'text', required: false, options: ['a'] }],
        },
      },
    ],
    [
      'the email key as text',
      { preChatForm: { enabled: true, fields: [{ key: 'email', label: 'E', type: 'text', required: false }] } },
    ],
  ])('%s is refused as request/invalid and nothing changes', async (_, change) => {
    const before = (await server.inboxOf(owner.cookie)).appearance;
    const answer = await patchAppearance({ ...before, ...change });
    expect(answer).toMatchObject({ status: 400, body: { code: 'request/invalid' } });
    expect((await server.inboxOf(owner.cookie)).appearance).toEqual(before);
  });

  test('an agent (not owner or admin) cannot change the appearance: 403 and nothing changes', async () => {
    const agent = await server.signUp();
    await server.moveAgentToWorkspace(agent.me.user.id, owner.me.workspace.id);
    const before = (await server.inboxOf(owner.cookie)).appearance;
    const answer = await server.request('PATCH', `/v1/inboxes/${inbox.id}`, {
      cookie: agent.cookie,
      body: { appearance: { ...before, color: '#000000' } },
    });
    expect(answer).toMatchObject({ status: 403, body: { code: 'auth/forbidden' } });
    expect((await server.inboxOf(owner.cookie)).appearance).toEqual(before);
  });

  test('another workspace cannot change the appearance: 404 and nothing changes', async () => {
    const before = (await server.inboxOf(owner.cookie)).appearance;
    const answer = await server.request('PATCH', `/v1/inboxes/${inbox.id}`, {
      cookie: outsider.cookie,
      body: { appearance: { color: '#000000' } },
    });
    expect(answer).toMatchObject({ status: 404, body: { code: 'inbox/not_found' } });
    expect((await server.inboxOf(owner.cookie)).appearance).toEqual(before);
  });
});

describe('widget config caching', () => {
  test('is public for a minute with an ETag; the same ETag gets 304, a changed appearance a new one', async () => {
    const first = await configOf(inbox.siteKey);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await configOf(inbox.siteKey, { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);

    await patchAppearance({ ...first.body.appearance, greeting: 'Hello again' });
    const changed = await configOf(inbox.siteKey, { 'if-none-match': etag! });
    expect(changed.status).toBe(200);
    expect(changed.body.appearance.greeting).toBe('Hello again');
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  test('an unknown site key is 404', async () => {
    expect((await configOf('pk_missing')).status).toBe(404);
  });
});

describe('pre-chat answers', () => {
  const submit = (token: string | undefined, answers: Record<string, string>, origin = SITE_ORIGIN) =>
    server.request('POST', '/v1/widget/pre-chat', { origin, ...(token ? { token } : {}), body: { answers } });

  test.each([
    ['a missing required field', { email: 'ann@example.test' }, 'name: required'],
    ['a blank required field', { name: '   ', email: 'ann@example.test' }, 'name: required'],
    ['a malformed email', { name: 'Ann', email: 'ann@' }, 'email: email'],
    ['a choice not offered', { name: 'Ann', email: 'ann@example.test', plan: 'Gold' }, 'plan: option'],
    ['a field the form does not ask', { name: 'Ann', email: 'ann@example.test', admin: 'yes' }, 'admin: unknown'],
  ])('%s is refused, naming the field, and the visitor is unchanged', async (_, answers, problem) => {
    await patchAppearance({ ...inbox.appearance, preChatForm: FORM });
    const session = await server.startVisitor(inbox.siteKey);
    const answer = await submit(session.token, answers);
    expect(answer).toMatchObject({ status: 400, body: { code: 'request/invalid' } });
    expect((answer.body as { message: string }).message).toContain(problem);
    const row = await server.db
      .selectFrom('visitors')
      .select(['name', 'email', 'attributes'])
      .where('id', '=', session.visitorId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: null, attributes: {} });
  });

  test('valid answers are stored on the visitor and shown in the console’s visitor profile', async () => {
    await patchAppearance({ ...inbox.appearance, preChatForm: FORM });
    const session = await server.startVisitor(inbox.siteKey);
    const answer = await submit(session.token, { name: ' Ann ', email: 'ann@example.test', plan: 'Pro', order_id: '' });
    expect(answer.status).toBe(204);
    const profile = await server.request<VisitorProfile>('GET', `/v1/visitors/${session.visitorId}`, {
      cookie: owner.cookie,
    });
    expect(profile.body).toMatchObject({ name: 'Ann', email: 'ann@example.test', attributes: { plan: 'Pro' } });
    expect(profile.body.attributes).not.toHaveProperty('order_id');
  });

  test('without a token, or from a page the inbox does not allow, nothing is stored', async () => {
    await patchAppearance({ ...inbox.appearance, preChatForm: FORM });
    const session = await server.startVisitor(inbox.siteKey);
    expect((await submit(undefined, { name: 'Ann', email: 'a@b.co' })).status).toBe(401);
    const foreign = await submit(session.token, { name: 'Ann', email: 'a@b.co' }, 'https://evil.example.test');
    expect(foreign).toMatchObject({ status: 403, body: { code: 'auth/origin_forbidden' } });
    const row = await server.db
      .selectFrom('visitors')
      .select('email')
      .where('id', '=', session.visitorId)
      .executeTakeFirstOrThrow();
    expect(row.email).toBeNull();
  });

  test('an inbox without an enabled form refuses answers', async () => {
    await patchAppearance({ ...inbox.appearance, preChatForm: { ...FORM, enabled: false } });
    const session = await server.startVisitor(inbox.siteKey);
    const answer = await submit(session.token, { name: 'Ann', email: 'a@b.co' });
    expect(answer).toMatchObject({ status: 400, body: { code: 'request/invalid' } });
  });

  test('a body that is not a map of strings is refused by the schema', async () => {
    const session = await server.startVisitor(inbox.siteKey);
    const answer = await server.request('POST', '/v1/widget/pre-chat', {
      origin: SITE_ORIGIN,
      token: session.token,
      body: { answers: { name: 42 } },
    });
    expect(answer).toMatchObject({ status: 400, body: { code: 'request/invalid' } });
  });
});
