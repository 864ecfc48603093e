import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ConversationDetail } from '../protocol/rest.ts';
import { startTestServer, type TestAgent, type TestServer } from '../testing/test-server.ts';
import { nextFrameId, type TestSocket } from '../testing/test-socket.ts';

// conversation.read over real sockets: stored on the conversation, monotonic, bounded by lastSeq, told live.

let server: TestServer;
let agent: TestAgent;
let foreign: TestAgent;
let siteKey: string;
beforeAll(async () => {
  server = await startTestServer();
  agent = await server.signUp(undefined, { name: 'Anna' });
  foreign = await server.signUp(undefined, { workspaceName: 'Elsewhere' });
  siteKey = (await server.inboxOf(agent.cookie)).siteKey;
});
afterAll(() => server.close());

async function read(socket: TestSocket, conversationId: string, seq: number) {
  const id = nextFrameId();
  socket.send({ type: 'conversation.read', id, data: { conversationId, seq } });
  return socket.waitForAnswer(id);
}

async function storedReadSeqs(conversationId: string) {
  return server.db
    .selectFrom('conversations')
    .select(['visitor_read_seq', 'agent_read_seq'])
    .where('id', '=', conversationId)
    .executeTakeFirstOrThrow();
}

async function setUp() {
  const visitor = await server.connectVisitor(siteKey);
  const agentSocket = await server.connectAgent(agent);
  const first = await visitor.socket.sendAcked({ body: 'one' });
  const conversationId = first.conversationId;
  const id = nextFrameId();
  agentSocket.send({ type: 'conversation.follow', id, data: { conversationId } });
  const follow = await agentSocket.waitForAnswer(id);
  const lastSeq = (follow.data as { lastSeq: number }).lastSeq;
  return { visitor, agentSocket, conversationId, lastSeq };
}

describe('conversation.read', () => {
  test('the agents’ read seq is stored, told to the visitor live, and in the widget session after a reload', async () => {
    const { visitor, agentSocket, conversationId, lastSeq } = await setUp();
    expect(await read(agentSocket, conversationId, lastSeq)).toMatchObject({ type: 'ack', data: { seq: lastSeq } });
    const heard = await visitor.socket.waitFor((frame) => frame.type === 'conversation.read_up_to');
    expect(heard).toEqual({
      type: 'conversation.read_up_to',
      data: { conversationId, reader: 'agents', seq: lastSeq },
    });
    expect(await storedReadSeqs(conversationId)).toEqual({ visitor_read_seq: 0, agent_read_seq: lastSeq });
    const reloaded = await server.startVisitor(siteKey, undefined, visitor.session.token);
    expect(reloaded.conversation?.readUpTo).toEqual({ visitor: 0, agents: lastSeq });
  });

  test('the visitor’s read seq is stored, told to the following agent, and in the conversation over REST', async () => {
    const { visitor, agentSocket, conversationId, lastSeq } = await setUp();
    const reply = await agentSocket.sendAcked({ conversationId, body: 'hi there' });
    expect(await read(visitor.socket, conversationId, reply.seq)).toMatchObject({
      type: 'ack',
      data: { seq: reply.seq },
    });
    await agentSocket.waitFor(
      (frame) =>
        frame.type === 'conversation.read_up_to' && frame.data.reader === 'visitor' && frame.data.seq === reply.seq,
    );
    expect(reply.seq).toBeGreaterThan(lastSeq);
    const response = await fetch(`${server.baseUrl}/v1/conversations/${conversationId}`, {
      headers: { cookie: agent.cookie, origin: server.baseUrl },
    });
    const detail = (await response.json()) as ConversationDetail;
    expect(detail.conversation.readUpTo).toEqual({ visitor: reply.seq, agents: 0 });
  });

  test('only ever increases: an older seq is acked with the stored one and told to nobody', async () => {
    const { visitor, agentSocket, conversationId } = await setUp();
    const reply = await agentSocket.sendAcked({ conversationId, body: 'second' });
    await read(visitor.socket, conversationId, reply.seq);
    await agentSocket.waitFor((frame) => frame.type === 'conversation.read_up_to');
    expect(await read(visitor.socket, conversationId, 1)).toMatchObject({ type: 'ack', data: { seq: reply.seq } });
    expect(await read(visitor.socket, conversationId, reply.seq)).toMatchObject({ data: { seq: reply.seq } });
    const later = await agentSocket.collectFor(150, (frame) => frame.type === 'conversation.read_up_to');
    expect(later).toEqual([]);
    expect((await storedReadSeqs(conversationId)).visitor_read_seq).toBe(reply.seq);
  });

  test('concurrent reads settle on the highest seq', async () => {
    const { visitor, agentSocket, conversationId } = await setUp();
    for (let n = 0; n < 3; n++) await agentSocket.sendAcked({ conversationId, body: `reply ${n}` });
    const { last_seq } = await server.db
      .selectFrom('conversations')
      .select('last_seq')
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    const other = await server.openVisitorSocket(visitor.session.token);
    await other.hello();
    await Promise.all([read(visitor.socket, conversationId, last_seq), read(other, conversationId, last_seq - 2)]);
    expect((await storedReadSeqs(conversationId)).visitor_read_seq).toBe(last_seq);
  });

  test('a seq past the conversation’s last seq is refused with conversation/seq_out_of_range, nothing stored', async () => {
    const { visitor, conversationId, lastSeq } = await setUp();
    expect(await read(visitor.socket, conversationId, lastSeq + 1)).toMatchObject({
      type: 'error',
      data: { code: 'conversation/seq_out_of_range' },
    });
    expect((await storedReadSeqs(conversationId)).visitor_read_seq).toBe(0);
  });

  test('is validated by schema: a negative or fractional seq is frame/invalid', async () => {
    const { visitor, conversationId } = await setUp();
    for (const seq of [-1, 1.5, '2']) {
      expect(await read(visitor.socket, conversationId, seq as number)).toMatchObject({
        type: 'error',
        data: { code: 'frame/invalid' },
      });
    }
  });

  test('another workspace’s agent or another visitor gets conversation/not_found and nothing changes', async () => {
    const { visitor, conversationId, lastSeq } = await setUp();
    const foreignSocket = await server.connectAgent(foreign);
    expect(await read(foreignSocket, conversationId, lastSeq)).toMatchObject({
      type: 'error',
      data: { code: 'conversation/not_found' },
    });
    const stranger = await server.connectVisitor(siteKey);
    expect(await read(stranger.socket, conversationId, lastSeq)).toMatchObject({
      type: 'error',
      data: { code: 'conversation/not_found' },
    });
    expect(await storedReadSeqs(conversationId)).toEqual({ visitor_read_seq: 0, agent_read_seq: 0 });
    const heard = await visitor.socket.collectFor(100, (frame) => frame.type === 'conversation.read_up_to');
    expect(heard).toEqual([]);
  });
});
