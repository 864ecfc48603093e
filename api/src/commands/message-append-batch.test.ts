import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Message } from '../protocol/entities.ts';
import { startTestServer, type TestAgent, type TestServer } from '../testing/test-server.ts';
import type { TestSocket } from '../testing/test-socket.ts';

let server: TestServer;
let siteKey: string;
let owner: TestAgent;
let stranger: TestAgent;
beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp();
  stranger = await server.signUp();
  siteKey = (await server.inboxOf(owner.cookie)).siteKey;
});
afterAll(() => server.close());

async function visitorWithConversation(): Promise<{ socket: TestSocket; conversationId: string }> {
  const { socket } = await server.connectVisitor(siteKey);
  const { conversationId } = await socket.sendAcked({ body: 'opening' });
  return { socket, conversationId };
}

describe('visitors’ sends into open conversations share statements', () => {
  test('concurrent sends of many visitors are each stored once with contiguous seqs, in fewer statements than sends', async () => {
    const visitors = await Promise.all(Array.from({ length: 12 }, visitorWithConversation));
    const before = server.app.messageAppends.counts;
    const perVisitor = 3;
    // Each socket sends its next message once the previous one is acked, as the widget does.
    const sent = await Promise.all(
      visitors.map(async ({ socket, conversationId }) => {
        const messages: Message[] = [];
        for (let i = 1; i <= perVisitor; i++) messages.push(await socket.sendAcked({ conversationId, body: `m${i}` }));
        return messages;
      }),
    );
    const after = server.app.messageAppends.counts;
    expect(after.appended - before.appended).toBe(visitors.length * perVisitor);
    expect(after.statements - before.statements).toBeLessThan(visitors.length * perVisitor);

    for (const [index, { conversationId }] of visitors.entries()) {
      const stored = await server.storedSeqs(conversationId);
      expect(stored).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
      const messages = sent[index] ?? [];
      expect(messages.map((message) => message.body)).toEqual(['m1', 'm2', 'm3']);
      const firstSeq = messages[0]?.seq ?? 0;
      expect(messages.map((message) => message.seq)).toEqual([firstSeq, firstSeq + 1, firstSeq + 2]);
    }
  });

  test('two tabs of one visitor writing at once get consecutive seqs in one conversation, no gap, no duplicate', async () => {
    const { session, socket } = await server.connectVisitor(siteKey);
    const { conversationId } = await socket.sendAcked({ body: 'opening' });
    const otherTab = await server.openVisitorSocket(session.token);
    await otherTab.hello();
    const messages = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? otherTab : socket).sendAcked({ conversationId, body: `tab ${i}` })),
    );
    const stored = await server.storedSeqs(conversationId);
    expect(stored).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
    expect(new Set(messages.map((message) => message.seq)).size).toBe(messages.length);
    expect(await server.countMessages(conversationId)).toBe(1 + messages.length);
  });

  test('a send alone (append_visitor_message) finds the open conversation and never stores into another visitor’s', async () => {
    const [mine, theirs] = await Promise.all([visitorWithConversation(), visitorWithConversation()]);
    const owner = await server.db
      .selectFrom('conversations')
      .select(['visitor_id', 'workspace_id', 'inbox_id'])
      .where('id', '=', mine.conversationId)
      .executeTakeFirstOrThrow();
    const send = (conversationId: string | undefined, clientId: string) =>
      server.app.messageAppends.appendVisitor({
        visitorId: owner.visitor_id,
        workspaceId: owner.workspace_id,
        inboxId: owner.inbox_id,
        conversationId,
        clientId,
        body: 'alone',
      });
    const before = server.app.messageAppends.counts;

    const found = await send(undefined, 'alone-without-conversation-id');
    expect(found?.conversation_id).toBe(mine.conversationId);
    expect(await send(theirs.conversationId, 'alone-into-theirs')).toBeUndefined();
    expect(server.app.messageAppends.counts.statements - before.statements).toBe(2);
    expect(await server.countMessages(theirs.conversationId)).toBe(1);
    expect(await server.countMessages(mine.conversationId)).toBe(2);
    const stored = await server.storedSeqs(mine.conversationId);
    expect(stored).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
  });

  test('a retried clientId in a batch makes the batch fall back: one stored message, the same ack twice', async () => {
    const { socket, conversationId } = await visitorWithConversation();
    const clientId = 'retried-client-id-0001';
    const [first, second] = await Promise.all([
      socket.sendAcked({ conversationId, clientId, body: 'only once' }),
      socket.sendAcked({ conversationId, clientId, body: 'only once' }),
    ]);
    expect(second).toEqual(first);
    const rows = await server.db.selectFrom('messages').select('id').where('client_id', '=', clientId).execute();
    expect(rows).toHaveLength(1);
  });
});

describe('agents’ replies share the statement', () => {
  /** A conversation the owner holds: their first reply (the full transaction) assigned it. */
  async function heldConversation(agentSocket: TestSocket) {
    const { socket, conversationId } = await visitorWithConversation();
    await agentSocket.sendAcked({ conversationId, body: 'taking it' });
    const row = await server.db
      .selectFrom('conversations')
      .select(['visitor_id', 'workspace_id', 'inbox_id'])
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    return { socket, conversationId, visitorId: row.visitor_id, workspaceId: row.workspace_id, inboxId: row.inbox_id };
  }
  const reply = (conversationId: string, clientId: string, agent = owner) => ({
    conversationId,
    workspaceId: agent.me.workspace.id,
    userId: agent.me.user.id,
    clientId,
    body: `reply ${clientId}`,
  });

  test('replies and sends of one turn are one statement: each stored once, seqs contiguous, in the order given', async () => {
    const agentSocket = await server.connectAgent(owner);
    const [first, second] = await Promise.all([heldConversation(agentSocket), heldConversation(agentSocket)]);
    if (!first || !second) throw new Error('two conversations expected');
    const batcher = server.app.messageAppends;
    const before = batcher.counts;
    const stored = await Promise.all([
      batcher.appendVisitor({ ...first, clientId: 'turn-v1', body: 'visitor one' }),
      batcher.appendAgent(reply(first.conversationId, 'turn-a1')),
      batcher.appendAgent(reply(first.conversationId, 'turn-a2')),
      batcher.appendVisitor({ ...second, clientId: 'turn-v2', body: 'visitor two' }),
      batcher.appendAgent(reply(second.conversationId, 'turn-a3')),
    ]);
    expect(batcher.counts.statements - before.statements).toBe(1);
    expect(stored.map((row) => row?.client_id)).toEqual(['turn-v1', 'turn-a1', 'turn-a2', 'turn-v2', 'turn-a3']);
    const [, a1, a2, , a3] = stored;
    expect(a1?.visitor_id).toBe(first.visitorId);
    expect(a3?.visitor_id).toBe(second.visitorId);
    expect(a1?.sender_name).toBe(owner.me.user.name);
    // The owner took part already (the reply that assigned it): nobody joined.
    expect(stored.map((row) => row?.joined)).toEqual([null, false, false, null, false]);
    expect((a2?.seq ?? 0) - (a1?.seq ?? 0)).toBe(1);
    for (const { conversationId } of [first, second]) {
      const seqs = await server.storedSeqs(conversationId);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    }
    expect(await server.countMessages(first.conversationId)).toBe(5);
  });

  test('a reply naming another workspace’s conversation is not stored, however it is batched', async () => {
    const agentSocket = await server.connectAgent(owner);
    const held = await heldConversation(agentSocket);
    const batcher = server.app.messageAppends;
    const [mine, foreignAlone] = await Promise.all([
      batcher.appendAgent(reply(held.conversationId, 'mine-beside-foreign')),
      batcher.appendAgent(reply(held.conversationId, 'foreign-1', stranger)),
    ]);
    expect(mine?.client_id).toBe('mine-beside-foreign');
    expect(foreignAlone).toBeUndefined();
    expect(await batcher.appendAgent(reply(held.conversationId, 'foreign-2', stranger))).toBeUndefined();
    const strangers = await server.db
      .selectFrom('messages')
      .select('id')
      .where('sender_id', '=', stranger.me.user.id)
      .execute();
    expect(strangers).toHaveLength(0);
    const participants = await server.db
      .selectFrom('conversation_participants')
      .select('user_id')
      .where('conversation_id', '=', held.conversationId)
      .execute();
    expect(participants.map((row) => row.user_id)).toEqual([owner.me.user.id]);
  });

  test('over the socket, a foreign conversation id is a not-found error and stores nothing', async () => {
    const agentSocket = await server.connectAgent(owner);
    const held = await heldConversation(agentSocket);
    const strangerSocket = await server.connectAgent(stranger);
    const answer = await strangerSocket.sendMessage({ conversationId: held.conversationId, body: 'sneaky' });
    expect(answer.type === 'error' && answer.data.code).toBe('conversation/not_found');
    expect(await server.countMessages(held.conversationId)).toBe(2);
  });
});
