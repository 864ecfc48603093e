import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Inbox, InboxList } from '../../protocol/rest.ts';
import { startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;
let owner: TestAgent;
let agent: TestAgent;
let outsider: TestAgent;
beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp(undefined, { workspaceName: 'Acme' });
  agent = await server.signUp();
  outsider = await server.signUp(undefined, { workspaceName: 'Other' });
  await server.moveAgentToWorkspace(agent.me.user.id, owner.me.workspace.id);
});
afterAll(() => server.close());

const listIds = async (cookie: string) =>
  (await server.request<InboxList>('GET', '/v1/inboxes', { cookie })).body.inboxes.map((inbox) => inbox.id);

test('an owner creates a second inbox with its own site key, secret-free answer and no allowed origins', async () => {
  const first = await server.inboxOf(owner.cookie);
  const answer = await server.request<Inbox>('POST', '/v1/inboxes', { cookie: owner.cookie, body: { name: ' Shop ' } });
  expect(answer.status).toBe(201);
  expect(answer.body).toMatchObject({ name: 'Shop', allowedOrigins: [], appearance: { title: 'Acme' } });
  expect(answer.body.siteKey).toMatch(/^pk_[0-9a-f]{24}$/);
  expect(answer.body.siteKey).not.toBe(first.siteKey);
  expect(answer.body.snippet).toContain(answer.body.siteKey);
  expect(JSON.stringify(answer.body)).not.toContain('secret');
  expect(await listIds(owner.cookie)).toEqual([first.id, answer.body.id]);
  // Everyone in the workspace answers it, as they answer the first inbox.
  const members = await server.request<{ userIds: string[] }>('GET', `/v1/inboxes/${answer.body.id}/members`, {
    cookie: owner.cookie,
  });
  expect(members.body.userIds.sort()).toEqual([owner.me.user.id, agent.me.user.id].sort());

  const secrets = await server.db
    .selectFrom('inboxes')
    .select('identity_secret')
    .where('workspace_id', '=', owner.me.workspace.id)
    .execute();
  expect(new Set(secrets.map((row) => row.identity_secret)).size).toBe(2);
});

test('an agent may not create an inbox, and none is made', async () => {
  const before = await listIds(owner.cookie);
  const answer = await server.request('POST', '/v1/inboxes', { cookie: agent.cookie, body: { name: 'Sneaky' } });
  expect(answer).toMatchObject({ status: 403, body: { code: 'auth/forbidden' } });
  expect(await listIds(owner.cookie)).toEqual(before);
});

test('without a session nothing is created', async () => {
  const answer = await server.request('POST', '/v1/inboxes', { body: { name: 'Anonymous' } });
  expect(answer.status).toBe(401);
});

test('a new inbox belongs to its workspace only: the other workspace neither lists nor reads it', async () => {
  const created = await server.request<Inbox>('POST', '/v1/inboxes', { cookie: owner.cookie, body: { name: 'Docs' } });
  expect(await listIds(outsider.cookie)).not.toContain(created.body.id);
  const foreign = await server.request('GET', `/v1/inboxes/${created.body.id}`, { cookie: outsider.cookie });
  expect(foreign).toMatchObject({ status: 404, body: { code: 'inbox/not_found' } });
});

test.each([
  ['an empty name', { name: '' }],
  ['a blank name', { name: '   ' }],
  ['a name too long', { name: 'x'.repeat(101) }],
  ['an unknown field', { name: 'Shop', siteKey: 'pk_mine' }],
])('%s is refused as request/invalid', async (_, body) => {
  const answer = await server.request('POST', '/v1/inboxes', { cookie: owner.cookie, body });
  expect(answer).toMatchObject({ status: 400, body: { code: 'request/invalid' } });
});
