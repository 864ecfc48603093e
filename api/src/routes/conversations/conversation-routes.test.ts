import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LIMITS } from '../../protocol/constants.ts';
import type { WidgetConversationList } from '../../protocol/csat-rest.ts';
import type { Message } from '../../protocol/entities.ts';
import type { ConversationDetail, ConversationList, Inbox } from '../../protocol/rest.ts';
import { SITE_ORIGIN, startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';
import type { TestSocket } from '../../testing/test-socket.ts';

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

let server: TestServer;
let agentA: TestAgent;
let agentB: TestAgent;
let inboxA: Inbox;
let visitorSocket: TestSocket;
let visitorToken: string;
let first: Message;
beforeAll(async () => {
  server = await startTestServer();
  agentA = await server.signUp(undefined, { workspaceName: 'Workspace A' });
  agentB = await server.signUp(undefined, { workspaceName: 'Workspace B' });
  inboxA = await server.inboxOf(agentA.cookie);
  const visitor = await server.connectVisitor(inboxA.siteKey);
  visitorSocket = visitor.socket;
  visitorToken = visitor.session.token;
  first = await visitorSocket.sendAcked({ body: 'Hello A' });
});
afterAll(() => server.close());

describe('tenant isolation', () => {
  test('an agent of workspace B gets 404 for workspace A’s conversation, with the same body as a missing id', async () => {
    const own = await server.request<ConversationDetail>('GET', `/v1/conversations/${first.conversationId}`, {
      cookie: agentA.cookie,
    });
    expect(own.status).toBe(200);
    expect(own.body.conversation.id).toBe(first.conversationId);

    const foreign = await server.request('GET', `/v1/conversations/${first.conversationId}`, { cookie: agentB.cookie });
    const missing = await server.request('GET', `/v1/conversations/${MISSING_ID}`, { cookie: agentB.cookie });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ code: 'conversation/not_found' });
    expect(foreign.body).toEqual(missing.body);
  });

  test('workspace B’s conversation list does not contain workspace A’s conversations', async () => {
    for (const status of ['open', 'all'] as const) {
      const listA = await server.request<ConversationList>('GET', `/v1/conversations?status=${status}`, {
        cookie: agentA.cookie,
      });
      const listB = await server.request<ConversationList>('GET', `/v1/conversations?status=${status}`, {
        cookie: agentB.cookie,
      });
      expect(listA.body.conversations.map((c) => c.id)).toContain(first.conversationId);
      expect(listB.status).toBe(200);
      expect(listB.body.conversations.map((c) => c.id)).not.toContain(first.conversationId);
    }
  });

  test('needs a session: 401 auth/required', async () => {
    const response = await server.request('GET', '/v1/conversations');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'auth/required' });
  });
});

describe('detail', () => {
  test('events come in seq order, newest page by default, older pages by beforeSeq', async () => {
    const visitor = await server.connectVisitor(inboxA.siteKey);
    const messages: Message[] = [];
    for (const body of ['one', 'two', 'three']) messages.push(await visitor.socket.sendAcked({ body }));
    const id = messages[0]!.conversationId;

    const all = await server.request<ConversationDetail>('GET', `/v1/conversations/${id}`, { cookie: agentA.cookie });
    const seqs = all.body.events.map((event) => event.data.seq);
    expect(seqs).toEqual(Array.from({ length: all.body.conversation.lastSeq }, (_, i) => i + 1));
    expect(all.body.events[0]?.type).toBe('conversation.created');
    expect(all.body.hasMore).toBe(false);

    const newest = await server.request<ConversationDetail>('GET', `/v1/conversations/${id}?limit=2`, {
      cookie: agentA.cookie,
    });
    expect(newest.body.events.map((event) => event.data.seq)).toEqual(seqs.slice(-2));
    expect(newest.body.hasMore).toBe(true);
    const older = await server.request<ConversationDetail>(
      'GET',
      `/v1/conversations/${id}?limit=2&beforeSeq=${seqs.at(-2)}`,
      { cookie: agentA.cookie },
    );
    expect(older.body.events.map((event) => event.data.seq)).toEqual(seqs.slice(-4, -2));
  });
});

test('a message body that looks like HTML is stored and returned byte-for-byte (escaping is the renderers’ job)', async () => {
  const body = '<img src=x onerror=alert(1)> & "quotes" \'single\' </script><b>bold</b>';
  const agentSocket = await server.connectAgent(agentA);
  // The agent's arrival routes the waiting conversation to them; let that finish first (this test is about bytes, not races).
  await visitorSocket.waitFor(
    (frame) => frame.type === 'conversation.assigned' && frame.data.conversationId === first.conversationId,
  );
  const message = await visitorSocket.sendAcked({ body });
  expect(message.body).toBe(body);

  const stored = await server.db
    .selectFrom('messages')
    .select('body')
    .where('id', '=', message.id)
    .executeTakeFirstOrThrow();
  expect(stored.body).toBe(body);

  const event = await agentSocket.waitFor(
    (frame) => frame.type === 'message.created' && frame.data.message.id === message.id,
  );
  expect(event.type === 'message.created' && event.data.message.body).toBe(body);

  const detail = await server.request<ConversationDetail>('GET', `/v1/conversations/${message.conversationId}`, {
    cookie: agentA.cookie,
  });
  const restEvent = detail.body.events.find((e) => e.type === 'message.created' && e.data.message.id === message.id);
  expect(restEvent?.type === 'message.created' && restEvent.data.message.body).toBe(body);

  const list = await server.request<ConversationList>('GET', '/v1/conversations', { cookie: agentA.cookie });
  expect(list.body.conversations.find((c) => c.id === message.conversationId)?.lastMessage?.body).toBe(body);

  const widgetDetail = await server.request<ConversationDetail>(
    'GET',
    `/v1/widget/conversations/${message.conversationId}`,
    { origin: SITE_ORIGIN, token: visitorToken },
  );
  const widgetEvent = widgetDetail.body.events.find(
    (e) => e.type === 'message.created' && e.data.message.id === message.id,
  );
  expect(widgetEvent?.type === 'message.created' && widgetEvent.data.message.body).toBe(body);

  // The agent's reply too, over the raw wire: the JSON string decodes to the same bytes.
  const reply = await agentSocket.sendAcked({ conversationId: message.conversationId, body });
  expect(reply.body).toBe(body);
  const seen = await visitorSocket.waitFor(
    (frame) => frame.type === 'message.created' && frame.data.message.id === reply.id,
  );
  expect(seen.type === 'message.created' && seen.data.message.body).toBe(body);
});

test('a long message stays whole in its events; the lists show a preview of it, cut with an ellipsis', async () => {
  // 4,000 characters, an emoji (two UTF-16 units) straddling the cut.
  const body = `${'a'.repeat(LIMITS.previewMaxChars - 2)}😀${'b'.repeat(4000 - LIMITS.previewMaxChars)}`;
  const message = await visitorSocket.sendAcked({ body });
  expect(message.body).toBe(body);
  const preview = `${'a'.repeat(LIMITS.previewMaxChars - 2)}😀…`;
  expect(Array.from(preview)).toHaveLength(LIMITS.previewMaxChars);

  const list = await server.request<ConversationList>('GET', '/v1/conversations', { cookie: agentA.cookie });
  expect(list.body.conversations.find((c) => c.id === message.conversationId)?.lastMessage?.body).toBe(preview);
  const widgetList = await server.request<WidgetConversationList>('GET', '/v1/widget/conversations', {
    origin: SITE_ORIGIN,
    token: visitorToken,
  });
  expect(widgetList.body.conversations.find((c) => c.id === message.conversationId)?.lastMessage?.body).toBe(preview);

  const detail = await server.request<ConversationDetail>('GET', `/v1/conversations/${message.conversationId}`, {
    cookie: agentA.cookie,
  });
  const stored = detail.body.events.find((e) => e.type === 'message.created' && e.data.message.id === message.id);
  expect(stored?.type === 'message.created' && stored.data.message.body).toBe(body);
  expect(detail.body.conversation.lastMessage?.body).toBe(preview);
});
