import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Inbox } from '../protocol/rest.ts';
import { startTestServer, type TestAgent, type TestServer } from '../testing/test-server.ts';
import { type MessageAck, newClientId, type TestSocket } from '../testing/test-socket.ts';

let server: TestServer;
let agent: TestAgent;
let inbox: Inbox;
beforeAll(async () => {
  server = await startTestServer();
  agent = await server.signUp();
  inbox = await server.inboxOf(agent.cookie);
});
afterAll(() => server.close());

async function newConversation(): Promise<{ conversationId: string; visitor: TestSocket }> {
  const { socket } = await server.connectVisitor(inbox.siteKey);
  const message = await socket.sendAcked({ body: 'hello?' });
  return { conversationId: message.conversationId, visitor: socket };
}

const countByClientId = async (clientId: string) =>
  Number(
    (
      await server.db
        .selectFrom('messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('client_id', '=', clientId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('idempotency by clientId', () => {
  test('the same clientId sent twice in a row → one stored message; both acks carry the same message id and seq', async () => {
    const { conversationId, visitor } = await newConversation();
    const socket = await server.connectAgent(agent);
    const clientId = newClientId();

    const first = (await socket.sendMessage({ conversationId, clientId, body: 'On it!' })) as MessageAck;
    const second = (await socket.sendMessage({ conversationId, clientId, body: 'On it!' })) as MessageAck;
    expect(first.type).toBe('ack');
    expect(second.type).toBe('ack');
    expect(second.data.message).toEqual(first.data.message);
    expect(first.data.message.sender).toEqual({ type: 'agent', id: agent.me.user.id, name: agent.me.user.name });
    expect(await countByClientId(clientId)).toBe(1);

    await visitor.collectFor(150);
    expect(
      visitor.frames.filter((frame) => frame.type === 'message.created' && frame.data.message.clientId === clientId),
    ).toHaveLength(1);
  });

  test('the same clientId sent concurrently from two sockets of the same agent → one message', async () => {
    const { conversationId } = await newConversation();
    const [tab1, tab2] = await Promise.all([server.connectAgent(agent), server.connectAgent(agent)]);
    const clientId = newClientId();

    const [a, b] = (await Promise.all([
      tab1!.sendMessage({ conversationId, clientId, body: 'double click' }),
      tab2!.sendMessage({ conversationId, clientId, body: 'double click' }),
    ])) as MessageAck[];
    expect(a?.type).toBe('ack');
    expect(b?.type).toBe('ack');
    expect(b?.data.message).toEqual(a?.data.message);
    expect(await countByClientId(clientId)).toBe(1);
  });

  test('the same clientId sent concurrently into two conversations → one message, both acks carry it', async () => {
    const one = await newConversation();
    const two = await newConversation();
    const [tab1, tab2] = await Promise.all([server.connectAgent(agent), server.connectAgent(agent)]);
    const clientId = newClientId();

    const [a, b] = (await Promise.all([
      tab1!.sendMessage({ conversationId: one.conversationId, clientId, body: 'same id, two places' }),
      tab2!.sendMessage({ conversationId: two.conversationId, clientId, body: 'same id, two places' }),
    ])) as MessageAck[];
    expect(a?.type).toBe('ack');
    expect(b?.type).toBe('ack');
    expect(b?.data.message).toEqual(a?.data.message);
    expect(await countByClientId(clientId)).toBe(1);
    // The losing conversation got no half-done events (its reopen/assignment rolled back with the insert).
    const seqs = [await server.storedSeqs(one.conversationId), await server.storedSeqs(two.conversationId)];
    for (const list of seqs) expect(list).toEqual(Array.from({ length: list.length }, (_, i) => i + 1));
  });

  test('another agent using the same clientId gets their own message, never the first agent’s', async () => {
    const other = await server.signUp();
    const otherInbox = await server.inboxOf(other.cookie);
    const otherVisitor = await server.connectVisitor(otherInbox.siteKey);
    const otherConversation = (await otherVisitor.socket.sendAcked({ body: 'hi other' })).conversationId;
    const { conversationId } = await newConversation();
    const clientId = newClientId();

    const mine = await (await server.connectAgent(agent)).sendAcked({
      conversationId,
      clientId,
      body: 'workspace A secret',
    });
    const theirs = await (await server.connectAgent(other)).sendAcked({
      conversationId: otherConversation,
      clientId,
      body: 'workspace B',
    });
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.body).toBe('workspace B');
    expect(theirs.conversationId).toBe(otherConversation);
    expect(await countByClientId(clientId)).toBe(2);
  });
});

describe('replying', () => {
  test('an agent who comes online and replies to a waiting conversation gets it assigned exactly once (conversation.assigned before the reply)', async () => {
    // A workspace whose agent has no socket open: routing leaves the conversation waiting.
    const lonely = await server.signUp();
    const { socket: visitor } = await server.connectVisitor((await server.inboxOf(lonely.cookie)).siteKey);
    const { conversationId } = await visitor.sendAcked({ body: 'anyone?' });
    const row = await server.db
      .selectFrom('conversations')
      .select('assignee_id')
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(row.assignee_id).toBeNull();

    // Replying before routing gets to it (routing runs when the socket opens; the reply may win or lose that race,
    // either way exactly one assignment, to this agent, the only one).
    const socket = await server.connectAgent(lonely);
    const reply = await socket.sendAcked({ conversationId, body: 'I can help' });
    const assigned = await visitor.waitFor(
      (frame) => frame.type === 'conversation.assigned' && frame.data.conversationId === conversationId,
    );
    expect(assigned.type === 'conversation.assigned' && assigned.data.assignee).toEqual({
      id: lonely.me.user.id,
      name: lonely.me.user.name,
    });
    expect(assigned.type === 'conversation.assigned' && assigned.data.seq).toBeLessThan(reply.seq);
    const after = await server.db
      .selectFrom('conversations')
      .select('assignee_id')
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(after.assignee_id).toBe(lonely.me.user.id);
    const assignments = await server.db
      .selectFrom('conversation_events')
      .select('seq')
      .where('conversation_id', '=', conversationId)
      .where('type', '=', 'conversation.assigned')
      .execute();
    expect(assignments).toHaveLength(1);
  });
});
