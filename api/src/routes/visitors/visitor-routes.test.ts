import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { InboxIdentity } from '../../protocol/identity-rest.ts';
import type { Inbox, WidgetSession } from '../../protocol/rest.ts';
import type { VisitorConversationList, VisitorProfile } from '../../protocol/visitor-rest.ts';
import { computeIdentityHash } from '../../services/visitors/identity-hash.ts';
import { PAGE_VIEWS_KEPT } from '../../services/visitors/record-visitor-device.ts';
import { sendAckedCommand } from '../../testing/routing-helpers.ts';
import { SITE_ORIGIN, startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';

// What agents see of a visitor: identity, attributes, the device and pages the widget session saw, past
// conversations. Every role of the visitor's workspace reads it; another workspace gets 404 as for a
// missing visitor; the widget's session body is checked before anything is stored.

const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const FIREFOX_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0';

let server: TestServer;
let owner: TestAgent;
let agent: TestAgent;
let outsider: TestAgent;
let inbox: Inbox;
let secret: string;
beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp(undefined, { name: 'Olga Owner' });
  agent = await server.signUp(undefined, { name: 'Arno Agent' });
  outsider = await server.signUp(undefined, { name: 'Otto Outsider' });
  await server.moveAgentToWorkspace(agent.me.user.id, owner.me.workspace.id);
  inbox = await server.inboxOf(owner.cookie);
  secret = (await server.request<InboxIdentity>('GET', `/v1/inboxes/${inbox.id}/identity`, { cookie: owner.cookie }))
    .body.secret;
});
afterAll(() => server.close());

function startSession(body: object, options: { token?: string; userAgent?: string } = {}) {
  return server.request<WidgetSession & { code?: string }>('POST', '/v1/widget/session', {
    origin: SITE_ORIGIN,
    body: { siteKey: inbox.siteKey, ...body },
    ...(options.token ? { token: options.token } : {}),
    headers: { 'user-agent': options.userAgent ?? FIREFOX_MAC },
  });
}

const readProfile = (visitorId: string, cookie: string) =>
  server.request<VisitorProfile & { code?: string }>('GET', `/v1/visitors/${visitorId}`, { cookie });
const readConversations = (visitorId: string, cookie: string) =>
  server.request<VisitorConversationList & { code?: string }>('GET', `/v1/visitors/${visitorId}/conversations`, {
    cookie,
  });
const page = (path: string, title?: string) => ({ url: `${SITE_ORIGIN}${path}`, ...(title ? { title } : {}) });

describe('GET /v1/visitors/:id', () => {
  test('an identified visitor: verified, email, attributes, device, local time zone, current page', async () => {
    const userId = 'user-42';
    const session = await startSession({
      identity: { userId, hash: computeIdentityHash(secret, userId), email: 'ann@example.test', name: 'Ann' },
      attributes: { plan: 'team', note: '<b>not html</b>' },
      page: page('/pricing', 'Pricing · Shop'),
      timeZone: 'Europe/Istanbul',
    });
    expect(session.status).toBe(200);

    for (const cookie of [owner.cookie, agent.cookie]) {
      const answer = await readProfile(session.body.visitorId, cookie);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        id: session.body.visitorId,
        inboxId: inbox.id,
        name: 'Ann',
        email: 'ann@example.test',
        externalId: userId,
        isVerified: true,
        attributes: { plan: 'team', note: '<b>not html</b>' },
        currentPage: { url: `${SITE_ORIGIN}/pricing`, title: 'Pricing · Shop' },
        pageViews: [{ url: `${SITE_ORIGIN}/pricing`, title: 'Pricing · Shop' }],
        device: { userAgent: FIREFOX_MAC, browser: { name: 'Firefox', version: '133' }, os: 'macOS' },
      });
      expect(answer.body.device.timeZone).toBe('Europe/Istanbul');
    }
  });

  test('an anonymous visitor is not verified, and without any device facts everything is null', async () => {
    const session = await server.request<WidgetSession>('POST', '/v1/widget/session', {
      origin: SITE_ORIGIN,
      body: { siteKey: inbox.siteKey },
      headers: { 'user-agent': '' },
    });
    const { body } = await readProfile(session.body.visitorId, owner.cookie);
    expect(body).toMatchObject({
      name: null,
      email: null,
      externalId: null,
      isVerified: false,
      attributes: {},
      currentPage: null,
      pageViews: [],
      device: { userAgent: null, browser: null, os: null, timeZone: null },
    });
  });

  test('page views: newest first, the same page again is one view, only the last 20 are kept', async () => {
    const first = await startSession({ page: page('/a') });
    const { token, visitorId } = first.body;
    await startSession({ page: page('/a') }, { token });
    await startSession({ page: page('/b', 'B') }, { token });
    let views = (await readProfile(visitorId, owner.cookie)).body.pageViews;
    expect(views.map((view) => view.url)).toEqual([`${SITE_ORIGIN}/b`, `${SITE_ORIGIN}/a`]);

    for (let index = 0; index < PAGE_VIEWS_KEPT + 3; index++)
      await startSession({ page: page(`/p${index}`) }, { token });
    views = (await readProfile(visitorId, owner.cookie)).body.pageViews;
    expect(views).toHaveLength(PAGE_VIEWS_KEPT);
    expect(views[0]?.url).toBe(`${SITE_ORIGIN}/p${PAGE_VIEWS_KEPT + 2}`);
    const stored = await server.db
      .selectFrom('visitor_page_views')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('visitor_id', '=', visitorId)
      .executeTakeFirstOrThrow();
    expect(Number(stored.count)).toBe(PAGE_VIEWS_KEPT);
  });

  test('an unknown time zone is ignored; a bad page or time zone is refused before anything is stored', async () => {
    const unknownZone = await startSession({ timeZone: 'Mars/Olympus_Mons' });
    expect(unknownZone.status).toBe(200);
    expect((await readProfile(unknownZone.body.visitorId, owner.cookie)).body.device.timeZone).toBeNull();

    const visitorsBefore = await countVisitors();
    for (const body of [
      { page: { url: 'javascript:alert(1)' } },
      { page: { url: `${SITE_ORIGIN}/${'x'.repeat(2000)}` } },
      { page: { url: `${SITE_ORIGIN}/`, title: 't'.repeat(301) } },
      { page: { url: `${SITE_ORIGIN}/`, extra: 1 } },
      { timeZone: 'Europe/Berlin; drop table visitors' },
      { timeZone: 'A'.repeat(65) },
    ]) {
      const answer = await startSession(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.code).toBe('request/invalid');
    }
    expect(await countVisitors()).toBe(visitorsBefore);
  });

  test("another workspace's visitor is 404 like a missing one; without a session 401", async () => {
    const session = await startSession({ page: page('/secret') });
    const before = await readProfile(session.body.visitorId, owner.cookie);
    for (const path of [
      `/v1/visitors/${session.body.visitorId}`,
      `/v1/visitors/${session.body.visitorId}/conversations`,
    ]) {
      const foreign = await server.request('GET', path, { cookie: outsider.cookie });
      expect(foreign).toMatchObject({ status: 404, body: { code: 'visitor/not_found' } });
      const missing = await server.request('GET', path.replace(session.body.visitorId, MISSING_ID), {
        cookie: owner.cookie,
      });
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual(foreign.body);
      expect((await server.request('GET', path)).status).toBe(401);
    }
    expect((await readProfile(session.body.visitorId, owner.cookie)).body).toEqual(before.body);
    expect((await server.request('GET', '/v1/visitors/not-a-uuid', { cookie: owner.cookie })).status).toBe(400);
  });
});

describe('GET /v1/visitors/:id/conversations', () => {
  test("the visitor's conversations, newest first, and nobody else's", async () => {
    const visitor = await server.connectVisitor(inbox.siteKey);
    const agentSocket = await server.connectAgent(owner);
    const older = await visitor.socket.sendAcked({ body: 'First question' });
    await sendAckedCommand(agentSocket, 'conversation.resolve', { conversationId: older.conversationId });
    const newer = await visitor.socket.sendAcked({ body: 'Second question' });
    const someoneElse = await server.connectVisitor(inbox.siteKey);
    await someoneElse.socket.sendAcked({ body: 'Not theirs' });

    const answer = await readConversations(visitor.session.visitorId, agent.cookie);
    expect(answer.status).toBe(200);
    expect(answer.body.conversations.map((conversation) => [conversation.id, conversation.status])).toEqual([
      [newer.conversationId, 'open'],
      [older.conversationId, 'resolved'],
    ]);
    expect(answer.body.conversations[1]?.lastMessage?.body).toBe('First question');
  });
});

async function countVisitors(): Promise<number> {
  const row = await server.db
    .selectFrom('visitors')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
