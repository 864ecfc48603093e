import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SearchResult } from '../../protocol/search-rest.ts';
import { splitHeadline } from '../../services/search/search-messages.ts';
import { createTeam, openConversation, sendAckedCommand, waitForAssigned } from '../../testing/routing-helpers.ts';
import { startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';

// Full-text search over real messages in a real database: matching, filters, snippets, paging, and
// that nobody finds another workspace's messages.

let server: TestServer;
let owner: TestAgent;
let refundConversation: string;
let refundSeq: number;
let refundVisitor: string;
let shippingConversation: string;
beforeAll(async () => {
  server = await startTestServer();
  const team = await createTeam(server, ['Ada']);
  owner = team.agents[0]!;
  const agentSocket = await server.connectAgent(owner);
  const refund = await openConversation(server, team.inbox.siteKey, { body: 'I would like a refund for order 1042' });
  refundConversation = refund.conversationId;
  refundVisitor = refund.visitorId;
  refundSeq = refund.socket.events(refundConversation, 'message.created')[0]!.data.seq;
  await waitForAssigned(refund.socket, refundConversation);
  await refund.socket.sendAcked({ body: 'The parcel arrived broken', conversationId: refundConversation });
  const shipping = await openConversation(server, team.inbox.siteKey, { body: 'When does my parcel ship?' });
  shippingConversation = shipping.conversationId;
  // Assigned first (routing runs after the ack), so the assignee filter has something to find.
  await waitForAssigned(shipping.socket, shippingConversation);
  await sendAckedCommand(agentSocket, 'conversation.resolve', { conversationId: shippingConversation });

  // Another workspace writes the same words.
  const other = await createTeam(server, ['Mallory']);
  await openConversation(server, other.inbox.siteKey, { body: 'refund refund refund, parcel parcel' });
});
afterAll(() => server.close());

async function search(params: Record<string, string>, agent = owner) {
  return server.request<SearchResult>('GET', `/v1/search?${new URLSearchParams(params)}`, { cookie: agent.cookie });
}

test('finds messages by word, best first, with the match highlighted and the seq to open at', async () => {
  const answer = await search({ q: 'refund' });
  expect(answer.status).toBe(200);
  expect(answer.body.hits).toHaveLength(1);
  const [hit] = answer.body.hits;
  expect(hit).toMatchObject({
    conversationId: refundConversation,
    seq: refundSeq,
    sender: { type: 'visitor' },
    conversation: { visitorId: refundVisitor, visitorName: null, visitorEmail: null },
  });
  expect(hit!.snippet.filter((part) => part.isMatch).map((part) => part.text)).toEqual(['refund']);
  expect(hit!.snippet.map((part) => part.text).join('')).toBe('I would like a refund for order 1042');
});

test('every word must match; phrases, or and -exclusions work; case does not matter', async () => {
  expect((await search({ q: 'PARCEL' })).body.hits.map((h) => h.conversationId).sort()).toEqual(
    [refundConversation, shippingConversation].sort(),
  );
  expect((await search({ q: 'parcel broken' })).body.hits.map((h) => h.conversationId)).toEqual([refundConversation]);
  expect((await search({ q: '"parcel ship"' })).body.hits.map((h) => h.conversationId)).toEqual([shippingConversation]);
  expect((await search({ q: 'parcel -broken' })).body.hits.map((h) => h.conversationId)).toEqual([
    shippingConversation,
  ]);
  expect((await search({ q: 'refund or ship' })).body.hits).toHaveLength(2);
  expect((await search({ q: 'nothingmatchesthis' })).body.hits).toEqual([]);
});

test('filters by status, assignee, inbox and time', async () => {
  expect((await search({ q: 'parcel', status: 'resolved' })).body.hits.map((h) => h.conversationId)).toEqual([
    shippingConversation,
  ]);
  // Both went to Ada; nobody else has any.
  expect((await search({ q: 'parcel', assigneeId: owner.me.user.id })).body.hits).toHaveLength(2);
  expect((await search({ q: 'parcel', assigneeId: '00000000-0000-4000-8000-000000000000' })).body.hits).toEqual([]);
  const inbox = await server.inboxOf(owner.cookie);
  expect((await search({ q: 'parcel', inboxId: inbox.id })).body.hits).toHaveLength(2);
  const future = new Date(Date.now() + 60_000).toISOString();
  expect((await search({ q: 'parcel', from: future })).body.hits).toEqual([]);
  expect((await search({ q: 'parcel', to: future })).body.hits).toHaveLength(2);
});

test('pages with limit and offset', async () => {
  const first = await search({ q: 'parcel', limit: '1' });
  const second = await search({ q: 'parcel', limit: '1', offset: '1' });
  expect(first.body.hasMore).toBe(true);
  expect(second.body.hasMore).toBe(false);
  expect(first.body.hits[0]!.messageId).not.toBe(second.body.hits[0]!.messageId);
});

test('another workspace’s messages are never found, even by their own words', async () => {
  const hits = (await search({ q: 'refund' })).body.hits;
  expect(hits.every((hit) => hit.conversationId === refundConversation)).toBe(true);
  const stranger = await server.signUp();
  expect((await search({ q: 'refund' }, stranger)).body.hits).toEqual([]);
});

test('queries of any shape are safe; empty or oversized ones get 400; no session gets 401', async () => {
  for (const q of ["'; drop table messages; --", '&|!():*<->', '"unclosed', '-', 'or', '🙂 refund']) {
    expect((await search({ q })).status).toBe(200);
  }
  expect((await search({ q: '🙂 refund' })).body.hits).toHaveLength(1);
  expect((await search({ q: '' })).status).toBe(400);
  expect((await search({ q: 'x'.repeat(201) })).status).toBe(400);
  expect((await search({ q: 'refund', limit: '51' })).status).toBe(400);
  expect((await server.request('GET', '/v1/search?q=refund')).status).toBe(401);
});

test('splitHeadline turns ts_headline marks into parts', () => {
  expect(splitHeadline('a \uE000b\uE001 c \uE000d\uE001')).toEqual([
    { text: 'a ', isMatch: false },
    { text: 'b', isMatch: true },
    { text: ' c ', isMatch: false },
    { text: 'd', isMatch: true },
  ]);
  expect(splitHeadline('plain')).toEqual([{ text: 'plain', isMatch: false }]);
});
