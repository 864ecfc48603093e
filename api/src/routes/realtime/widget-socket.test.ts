import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Inbox } from '../../protocol/rest.ts';
import { FOREIGN_ORIGIN, startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';
import { expectUpgradeRejected, isConversationEvent } from '../../testing/test-socket.ts';

let server: TestServer;
let agent: TestAgent;
let inbox: Inbox;
beforeAll(async () => {
  server = await startTestServer();
  agent = await server.signUp();
  inbox = await server.inboxOf(agent.cookie);
});
afterAll(() => server.close());

describe('authentication before the upgrade', () => {
  test('from a foreign origin: HTTP 403 auth/origin_forbidden, no socket', async () => {
    const visitor = await server.startVisitor(inbox.siteKey);
    const answer = await expectUpgradeRejected(
      server.widgetWsUrl,
      server.visitorSocketOptions(visitor.token, FOREIGN_ORIGIN),
    );
    expect(answer).toMatchObject({ status: 403, body: { code: 'auth/origin_forbidden' } });
  });

  test('without a token or with a bad one: HTTP 401 auth/required, no socket', async () => {
    const none = await expectUpgradeRejected(server.widgetWsUrl, server.visitorSocketOptions(undefined));
    expect(none).toMatchObject({ status: 401, body: { code: 'auth/required' } });
    const bad = await expectUpgradeRejected(server.widgetWsUrl, server.visitorSocketOptions('x'.repeat(32)));
    expect(bad).toMatchObject({ status: 401, body: { code: 'auth/required' } });
  });

  test('with a valid token from an allowed origin: open, answering parley.v1 (never echoing the token)', async () => {
    const visitor = await server.startVisitor(inbox.siteKey);
    const socket = await server.openVisitorSocket(visitor.token);
    expect(socket.ws.protocol).toBe('parley.v1');
    await socket.hello();
    socket.close();
  });
});

describe('visitor isolation', () => {
  test('visitor 2 cannot write into visitor 1’s conversation: conversation/not_found, nothing stored', async () => {
    const one = await server.connectVisitor(inbox.siteKey);
    const message = await one.socket.sendAcked({ body: 'mine' });
    const two = await server.connectVisitor(inbox.siteKey);
    const before = { messages: await server.countMessages(), seqs: await server.storedSeqs(message.conversationId) };

    const answer = await two.socket.sendMessage({ conversationId: message.conversationId, body: 'let me in' });
    expect(answer).toMatchObject({ type: 'error', data: { code: 'conversation/not_found' } });
    expect(await server.countMessages()).toBe(before.messages);
    expect(await server.storedSeqs(message.conversationId)).toEqual(before.seqs);
    expect((await one.socket.collectFor(150)).filter(isConversationEvent)).toEqual([]);
  });

  test('visitor 2 cannot resume visitor 1’s conversation: conversation/not_found, no events replayed', async () => {
    const one = await server.connectVisitor(inbox.siteKey);
    const message = await one.socket.sendAcked({ body: 'secret' });
    const two = await server.startVisitor(inbox.siteKey);
    const socket = await server.openVisitorSocket(two.token);

    const { before } = await socket.hello([{ conversationId: message.conversationId, lastSeq: 0 }]);
    expect(before).toEqual([
      expect.objectContaining({ type: 'error', data: expect.objectContaining({ code: 'conversation/not_found' }) }),
    ]);
    // Nor do later events of that conversation arrive.
    await one.socket.sendAcked({ body: 'still secret' });
    expect((await socket.collectFor(200)).filter(isConversationEvent)).toEqual([]);
    expect(socket.frames.filter(isConversationEvent)).toEqual([]);
  });

  test('a visitor’s own live events reach all their sockets and nobody else’s', async () => {
    const one = await server.connectVisitor(inbox.siteKey);
    const oneAgain = await server.openVisitorSocket(one.session.token);
    await oneAgain.hello();
    const two = await server.connectVisitor(inbox.siteKey);

    const message = await one.socket.sendAcked({ body: 'to all my tabs' });
    await oneAgain.waitFor((frame) => frame.type === 'message.created' && frame.data.message.id === message.id);
    expect((await two.socket.collectFor(150)).filter(isConversationEvent)).toEqual([]);
  });
});

describe('conversations', () => {
  test('the first message opens a conversation (conversation.created is seq 1); later ones join it', async () => {
    const visitor = await server.connectVisitor(inbox.siteKey);
    const first = await visitor.socket.sendAcked({ body: 'first' });
    const second = await visitor.socket.sendAcked({ body: 'second' });
    expect(second.conversationId).toBe(first.conversationId);
    const created = await visitor.socket.waitFor((frame) => frame.type === 'conversation.created');
    expect(created.type === 'conversation.created' && created.data).toMatchObject({
      conversationId: first.conversationId,
      seq: 1,
    });
    expect(first.seq).toBe(2);
    expect(second.seq).toBeGreaterThan(first.seq);
  });

  test('after the conversation is resolved, a send without conversationId starts a new one', async () => {
    const visitor = await server.connectVisitor(inbox.siteKey);
    const first = await visitor.socket.sendAcked({ body: 'first' });
    const agentSocket = await server.connectAgent(agent);
    agentSocket.send({ type: 'conversation.resolve', id: 'resolve-1', data: { conversationId: first.conversationId } });
    expect(await agentSocket.waitForAnswer('resolve-1')).toMatchObject({ type: 'ack' });

    const next = await visitor.socket.sendAcked({ body: 'a new question' });
    expect(next.conversationId).not.toBe(first.conversationId);
    expect(next.seq).toBe(2);
  });

  test('an agent-only command is unknown on the widget socket: frame/unknown_type', async () => {
    const visitor = await server.connectVisitor(inbox.siteKey);
    const first = await visitor.socket.sendAcked({ body: 'hi' });
    visitor.socket.send({ type: 'conversation.resolve', id: 'sneaky', data: { conversationId: first.conversationId } });
    expect(await visitor.socket.waitForAnswer('sneaky')).toMatchObject({
      type: 'error',
      data: { code: 'frame/unknown_type' },
    });
    const row = await server.db
      .selectFrom('conversations')
      .select('status')
      .where('id', '=', first.conversationId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('open');
  });
});
