import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLOSE_CODES } from '../../protocol/constants.ts';
import type { ContactDetail } from '../../protocol/contact-rest.ts';
import type { InboxIdentity } from '../../protocol/identity-rest.ts';
import type { Inbox, WidgetSession } from '../../protocol/rest.ts';
import { computeIdentityHash } from '../../services/visitors/identity-hash.ts';
import { sendAckedCommand } from '../../testing/routing-helpers.ts';
import {
  eventually,
  SITE_ORIGIN,
  startTestServer,
  type TestAgent,
  type TestServer,
} from '../../testing/test-server.ts';
import { expectUpgradeRejected } from '../../testing/test-socket.ts';

// Merging folds one contact into another in one transaction (conversations, messages, page views, devices,
// missing facts) and the merged-away widget reconnects as the survivor; deleting removes every row of the
// visitor and closes their socket. Both are for owners and admins, and another workspace changes nothing.

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

async function identify(userId: string, extra: Record<string, unknown> = {}, token?: string) {
  const answer = await server.request<WidgetSession>('POST', '/v1/widget/session', {
    origin: SITE_ORIGIN,
    body: { siteKey: inbox.siteKey, identity: { userId, hash: computeIdentityHash(secret, userId) }, ...extra },
    ...(token ? { token } : {}),
  });
  expect(answer.status).toBe(200);
  return answer.body;
}

const merge = (id: string, otherId: string, cookie = owner.cookie) =>
  server.request<ContactDetail & { code?: string }>('POST', `/v1/contacts/${id}/merge`, { cookie, body: { otherId } });
const remove = (id: string, cookie = owner.cookie) =>
  server.request<{ code?: string }>('DELETE', `/v1/contacts/${id}`, { cookie });

async function countWhere(
  table: 'visitors' | 'visitor_tokens' | 'visitor_page_views' | 'conversations',
  column: 'id' | 'visitor_id',
  id: string,
) {
  const row = await server.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(column, '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function countOfConversations(table: 'messages' | 'conversation_events' | 'routing_decisions', ids: string[]) {
  if (ids.length === 0) return 0;
  const row = await server.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('conversation_id', 'in', ids)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('POST /v1/contacts/:id/merge', () => {
  test('moves conversations, messages, page views, devices and missing facts; the other contact is gone', async () => {
    const survivor = await identify('merge-keeper', { attributes: { plan: 'pro' } });
    // An anonymous visitor who wrote from another device, with an email and attributes of their own.
    const other = await server.connectVisitor(inbox.siteKey);
    const otherMessage = await other.socket.sendAcked({ body: 'Question from my phone' });
    await server.request('POST', '/v1/widget/session', {
      origin: SITE_ORIGIN,
      token: other.session.token,
      body: {
        siteKey: inbox.siteKey,
        page: { url: `${SITE_ORIGIN}/phone`, title: 'Phone' },
        attributes: { plan: 'free', device: 'phone' },
      },
    });
    await server.db
      .updateTable('visitors')
      .set({ email: 'phone@example.test' })
      .where('id', '=', other.session.visitorId)
      .execute();

    const merged = await merge(survivor.visitorId, other.session.visitorId);
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      id: survivor.visitorId,
      externalId: 'merge-keeper',
      isVerified: true,
      email: 'phone@example.test',
      // The survivor's own values win; the other's fill the gaps.
      attributes: { plan: 'pro', device: 'phone' },
      conversationCount: 1,
    });
    expect(merged.body.conversations.map((conversation) => conversation.id)).toEqual([otherMessage.conversationId]);

    expect(await countWhere('visitors', 'id', other.session.visitorId)).toBe(0);
    expect(await countWhere('conversations', 'visitor_id', other.session.visitorId)).toBe(0);
    expect(await countWhere('visitor_tokens', 'visitor_id', other.session.visitorId)).toBe(0);
    expect(await countWhere('visitor_page_views', 'visitor_id', survivor.visitorId)).toBe(1);
    const message = await server.db
      .selectFrom('messages')
      .select('sender_id')
      .where('id', '=', otherMessage.id)
      .executeTakeFirstOrThrow();
    expect(message.sender_id).toBe(survivor.visitorId);
    await other.socket.waitForClose();
  });

  test('the merged-away widget is told to reconnect and resumes as the survivor, with its conversation', async () => {
    const survivor = await identify('merge-reconnect');
    const other = await server.connectVisitor(inbox.siteKey);
    const sent = await other.socket.sendAcked({ body: 'Before the merge' });

    expect((await merge(survivor.visitorId, other.session.visitorId)).status).toBe(200);
    const closed = await other.socket.waitForClose();
    expect(closed.code).toBe(CLOSE_CODES.serviceRestart);

    // Same token, same device: it is now the survivor's, and the conversation resumes under it.
    const session = await server.startVisitor(inbox.siteKey, SITE_ORIGIN, other.session.token);
    expect(session).toMatchObject({
      visitorId: survivor.visitorId,
      isVerified: true,
      conversation: { id: sent.conversationId },
    });
    const socket = await server.openVisitorSocket(other.session.token);
    await socket.hello([{ conversationId: sent.conversationId, lastSeq: sent.seq }]);
    const reply = await socket.sendAcked({ body: 'After the merge', conversationId: sent.conversationId });
    expect(reply.conversationId).toBe(sent.conversationId);
    const agentSocket = await server.connectAgent(owner);
    await sendAckedCommand(agentSocket, 'conversation.resolve', { conversationId: sent.conversationId });
    socket.close();
    agentSocket.close();
  });

  test('a verified identity moves to an anonymous survivor', async () => {
    const anonymous = await server.connectVisitor(inbox.siteKey);
    await anonymous.socket.sendAcked({ body: 'hi' });
    const verified = await identify('merge-identity-mover', {
      identity: {
        userId: 'merge-identity-mover',
        hash: computeIdentityHash(secret, 'merge-identity-mover'),
        name: 'Vera Verified',
      },
    });
    const merged = await merge(anonymous.session.visitorId, verified.visitorId);
    expect(merged.body).toMatchObject({ externalId: 'merge-identity-mover', isVerified: true, name: 'Vera Verified' });
    // Signing in again on any device now finds the survivor.
    expect((await identify('merge-identity-mover')).visitorId).toBe(anonymous.session.visitorId);
    anonymous.socket.close();
  });

  test('two different verified users, the same contact, another inbox: refused, nothing changes', async () => {
    const first = await identify('merge-conflict-a');
    const second = await identify('merge-conflict-b');
    const conflict = await merge(first.visitorId, second.visitorId);
    expect(conflict).toMatchObject({ status: 409, body: { code: 'contact/identity_conflict' } });
    expect(await countWhere('visitors', 'id', second.visitorId)).toBe(1);
    expect(await countWhere('visitor_tokens', 'visitor_id', second.visitorId)).toBe(1);

    expect(await merge(first.visitorId, first.visitorId)).toMatchObject({
      status: 400,
      body: { code: 'contact/same_contact' },
    });

    const secondInbox = await server.db
      .insertInto('inboxes')
      .values({
        workspace_id: owner.me.workspace.id,
        name: 'Brand two',
        site_key: `site-two-${Date.now()}`,
        allowed_origins: JSON.stringify([SITE_ORIGIN]),
        appearance: '{}',
        identity_secret: 'x'.repeat(32),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const elsewhere = await server.db
      .insertInto('visitors')
      .values({ workspace_id: owner.me.workspace.id, inbox_id: secondInbox.id, name: 'Elsewhere', email: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await merge(first.visitorId, elsewhere.id)).toMatchObject({
      status: 409,
      body: { code: 'contact/inbox_mismatch' },
    });
    expect(await countWhere('visitors', 'id', elsewhere.id)).toBe(1);

    for (const body of [{}, { otherId: 'nope' }, { otherId: second.visitorId, extra: 1 }]) {
      const answer = await server.request<{ code: string }>('POST', `/v1/contacts/${first.visitorId}/merge`, {
        cookie: owner.cookie,
        body,
      });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.code).toBe('request/invalid');
    }
  });

  test('agents may not merge; another workspace gets 404 either way; nothing changes', async () => {
    const keeper = await server.connectVisitor(inbox.siteKey);
    await keeper.socket.sendAcked({ body: 'keeper' });
    const other = await server.connectVisitor(inbox.siteKey);
    await other.socket.sendAcked({ body: 'other' });

    expect(await merge(keeper.session.visitorId, other.session.visitorId, agent.cookie)).toMatchObject({
      status: 403,
      body: { code: 'auth/forbidden' },
    });
    const foreign = await merge(keeper.session.visitorId, other.session.visitorId, outsider.cookie);
    expect(foreign).toMatchObject({ status: 404, body: { code: 'visitor/not_found' } });

    const outsiderInbox = await server.inboxOf(outsider.cookie);
    const outsiderVisitor = await server.connectVisitor(outsiderInbox.siteKey);
    await outsiderVisitor.socket.sendAcked({ body: 'not yours' });
    // Neither pulling a foreign contact in nor pushing one's own into a foreign one.
    expect((await merge(keeper.session.visitorId, outsiderVisitor.session.visitorId)).status).toBe(404);
    expect((await merge(outsiderVisitor.session.visitorId, keeper.session.visitorId)).status).toBe(404);
    expect(await countWhere('visitors', 'id', outsiderVisitor.session.visitorId)).toBe(1);
    expect(await countWhere('conversations', 'visitor_id', outsiderVisitor.session.visitorId)).toBe(1);
    expect(await countWhere('conversations', 'visitor_id', other.session.visitorId)).toBe(1);
    for (const socket of [keeper.socket, other.socket, outsiderVisitor.socket]) socket.close();
  });
});

describe('DELETE /v1/contacts/:id', () => {
  test('removes the visitor and every row of theirs, closes their socket, and their token stops working', async () => {
    const visitor = await server.connectVisitor(inbox.siteKey);
    const first = await visitor.socket.sendAcked({ body: 'findme-zanzibar first' });
    const agentSocket = await server.connectAgent(owner);
    await sendAckedCommand(agentSocket, 'conversation.resolve', { conversationId: first.conversationId });
    const second = await visitor.socket.sendAcked({ body: 'findme-zanzibar second' });
    await server.request('POST', '/v1/widget/session', {
      origin: SITE_ORIGIN,
      token: visitor.session.token,
      body: { siteKey: inbox.siteKey, page: { url: `${SITE_ORIGIN}/bye` } },
    });
    const conversationIds = [first.conversationId, second.conversationId];
    expect(await countOfConversations('messages', conversationIds)).toBeGreaterThan(0);
    expect(await countOfConversations('conversation_events', conversationIds)).toBeGreaterThan(0);
    expect(await countWhere('visitor_page_views', 'visitor_id', visitor.session.visitorId)).toBe(1);

    expect((await remove(visitor.session.visitorId, agent.cookie)).status).toBe(403);
    expect((await remove(visitor.session.visitorId, outsider.cookie)).status).toBe(404);
    expect(await countWhere('visitors', 'id', visitor.session.visitorId)).toBe(1);

    expect((await remove(visitor.session.visitorId)).status).toBe(204);
    const closed = await visitor.socket.waitForClose();
    expect(closed.code).toBe(CLOSE_CODES.unauthorized);

    for (const table of ['visitors'] as const) expect(await countWhere(table, 'id', visitor.session.visitorId)).toBe(0);
    for (const table of ['visitor_tokens', 'visitor_page_views', 'conversations'] as const)
      expect(await countWhere(table, 'visitor_id', visitor.session.visitorId), table).toBe(0);
    for (const table of ['messages', 'conversation_events', 'routing_decisions'] as const)
      expect(await countOfConversations(table, conversationIds), table).toBe(0);
    const search = await server.request<{ hits: unknown[] }>('GET', '/v1/search?q=findme-zanzibar', {
      cookie: owner.cookie,
    });
    expect(search.body.hits).toEqual([]);

    expect(
      (await expectUpgradeRejected(server.widgetWsUrl, server.visitorSocketOptions(visitor.session.token))).status,
    ).toBe(401);
    const again = await server.startVisitor(inbox.siteKey, SITE_ORIGIN, visitor.session.token);
    expect(again.visitorId).not.toBe(visitor.session.visitorId);
    expect((await remove(visitor.session.visitorId)).status).toBe(404);
    agentSocket.close();
  });

  test('deleting a waiting visitor takes their conversation out of the queue, and agents hear it', async () => {
    // Nobody available: the conversation waits in the queue.
    await server.db
      .updateTable('memberships')
      .set({ is_away: true })
      .where('workspace_id', '=', owner.me.workspace.id)
      .execute();
    try {
      const agentSocket = await server.connectAgent(owner);
      const visitor = await server.connectVisitor(inbox.siteKey);
      await visitor.socket.sendAcked({ body: 'Anyone there?' });
      const isSummary = (length: number) => (frame: { type: string; data?: unknown }) =>
        frame.type === 'queue.summary' &&
        (frame.data as { inboxId: string; length: number }).inboxId === inbox.id &&
        (frame.data as { length: number }).length === length;
      await agentSocket.waitFor(isSummary(1));

      const before = agentSocket.frames.length;
      expect((await remove(visitor.session.visitorId)).status).toBe(204);
      await eventually(() => expect(agentSocket.frames.slice(before).some(isSummary(0))).toBe(true));
      const queue = await server.request<{ length: number }>('GET', `/v1/inboxes/${inbox.id}/queue`, {
        cookie: owner.cookie,
      });
      expect(queue.body.length).toBe(0);
      agentSocket.close();
    } finally {
      await server.db
        .updateTable('memberships')
        .set({ is_away: false })
        .where('workspace_id', '=', owner.me.workspace.id)
        .execute();
    }
  });
});
