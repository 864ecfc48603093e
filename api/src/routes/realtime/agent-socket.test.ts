import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Message } from '../../protocol/entities.ts';
import { FOREIGN_ORIGIN, startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';
import { expectUpgradeRejected, isConversationEvent, nextFrameId, type TestSocket } from '../../testing/test-socket.ts';

let server: TestServer;
let agentA: TestAgent;
let agentB: TestAgent;
let visitorA: TestSocket;
let conversationA: string;
beforeAll(async () => {
  server = await startTestServer();
  agentA = await server.signUp(undefined, { workspaceName: 'Workspace A' });
  agentB = await server.signUp(undefined, { workspaceName: 'Workspace B' });
  const inboxA = await server.inboxOf(agentA.cookie);
  visitorA = (await server.connectVisitor(inboxA.siteKey)).socket;
  conversationA = (await visitorA.sendAcked({ body: 'Hello workspace A' })).conversationId;
  // Agent A comes online once, so the conversation is assigned before any test takes a snapshot of it.
  const socketA = await server.connectAgent(agentA);
  await visitorA.waitFor(
    (frame) => frame.type === 'conversation.assigned' && frame.data.conversationId === conversationA,
  );
  socketA.close();
});
afterAll(() => server.close());

describe('authentication before the upgrade', () => {
  test('without a session: HTTP 401, no socket', async () => {
    const answer = await expectUpgradeRejected(server.agentWsUrl, server.agentSocketOptions(undefined));
    expect(answer).toMatchObject({ status: 401, body: { code: 'auth/required' } });
    const bogus = await expectUpgradeRejected(
      server.agentWsUrl,
      server.agentSocketOptions('parley_session=notarealtoken'),
    );
    expect(bogus).toMatchObject({ status: 401, body: { code: 'auth/required' } });
  });

  test('from a foreign origin (cross-site socket hijacking): HTTP 403, no socket', async () => {
    const answer = await expectUpgradeRejected(
      server.agentWsUrl,
      server.agentSocketOptions(agentA.cookie, FOREIGN_ORIGIN),
    );
    expect(answer).toMatchObject({ status: 403, body: { code: 'auth/origin_forbidden' } });
    const noOrigin = await expectUpgradeRejected(server.agentWsUrl, {
      ...server.agentSocketOptions(agentA.cookie),
      origin: undefined,
    });
    expect(noOrigin.status).toBe(403);
  });

  test('with a session from the console’s origin: the socket opens with the parley.v1 subprotocol', async () => {
    const socket = await server.openAgentSocket(agentA.cookie);
    expect(socket.ws.protocol).toBe('parley.v1');
    const { ready } = await socket.hello();
    expect(ready.data.protocol).toBe(1);
    socket.close();
  });
});

describe('tenant isolation', () => {
  async function expectNothingChanged(before: { messages: number; seqs: number[] }) {
    expect(await server.countMessages()).toBe(before.messages);
    expect(await server.storedSeqs(conversationA)).toEqual(before.seqs);
    const row = await server.db
      .selectFrom('conversations')
      .select('status')
      .where('id', '=', conversationA)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('open');
  }
  const snapshot = async () => ({
    messages: await server.countMessages(),
    seqs: await server.storedSeqs(conversationA),
  });

  test('message.send on another workspace’s conversation gets conversation/not_found and stores nothing', async () => {
    const socketB = await server.connectAgent(agentB);
    const before = await snapshot();
    const answer = await socketB.sendMessage({ conversationId: conversationA, body: 'I should not be here' });
    expect(answer).toMatchObject({ type: 'error', data: { code: 'conversation/not_found' } });
    await expectNothingChanged(before);
  });

  test('conversation.resolve on another workspace’s conversation gets conversation/not_found and changes nothing', async () => {
    const socketB = await server.connectAgent(agentB);
    const before = await snapshot();
    const id = nextFrameId();
    socketB.send({ type: 'conversation.resolve', id, data: { conversationId: conversationA } });
    expect(await socketB.waitForAnswer(id)).toMatchObject({ type: 'error', data: { code: 'conversation/not_found' } });
    await expectNothingChanged(before);
  });

  test('hello resuming another workspace’s conversation gets conversation/not_found and no events', async () => {
    const socketB = await server.openAgentSocket(agentB.cookie);
    const { before } = await socketB.hello([{ conversationId: conversationA, lastSeq: 0 }]);
    expect(before).toEqual([
      expect.objectContaining({ type: 'error', data: expect.objectContaining({ code: 'conversation/not_found' }) }),
    ]);
    expect(socketB.frames.filter(isConversationEvent)).toEqual([]);
  });

  test('live events of workspace A never reach workspace B’s sockets', async () => {
    const socketA = await server.connectAgent(agentA);
    const socketB = await server.connectAgent(agentB);
    const message = await visitorA.sendAcked({ body: 'only for A' });
    await socketA.waitFor((frame) => frame.type === 'message.created' && frame.data.message.id === message.id);
    // A's socket saw it; B's had as long and more.
    await socketB.collectFor(200);
    expect(socketB.frames.filter(isConversationEvent)).toEqual([]);
  });
});

describe('commands', () => {
  test('conversation.resolve is acked with the resolved conversation; the visitor hears conversation.resolved; a reply reopens it', async () => {
    const inbox = await server.inboxOf(agentA.cookie);
    const visitor = await server.connectVisitor(inbox.siteKey);
    const first: Message = await visitor.socket.sendAcked({ body: 'please help' });
    const socket = await server.connectAgent(agentA);

    const id = nextFrameId();
    socket.send({ type: 'conversation.resolve', id, data: { conversationId: first.conversationId } });
    const ack = await socket.waitForAnswer(id);
    expect(ack).toMatchObject({
      type: 'ack',
      data: { conversation: { id: first.conversationId, status: 'resolved' } },
    });
    await visitor.socket.waitFor(
      (frame) => frame.type === 'conversation.resolved' && frame.data.conversationId === first.conversationId,
    );

    const refused = await visitor.socket.sendMessage({ conversationId: first.conversationId, body: 'one more thing' });
    expect(refused).toMatchObject({ type: 'error', data: { code: 'conversation/resolved' } });

    const reply = await socket.sendAcked({ conversationId: first.conversationId, body: 'reopening' });
    expect(reply.conversationId).toBe(first.conversationId);
    await visitor.socket.waitFor(
      (frame) => frame.type === 'conversation.reopened' && frame.data.conversationId === first.conversationId,
    );
    const row = await server.db
      .selectFrom('conversations')
      .select('status')
      .where('id', '=', first.conversationId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('open');
  });

  test('message.send without conversationId is refused with frame/invalid for agents', async () => {
    const socket = await server.connectAgent(agentA);
    const before = await server.countMessages();
    const answer = await socket.sendMessage({ body: 'to whom?' });
    expect(answer).toMatchObject({ type: 'error', data: { code: 'frame/invalid' } });
    expect(await server.countMessages()).toBe(before);
  });
});
