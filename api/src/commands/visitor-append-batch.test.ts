import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Message } from '../protocol/entities.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import type { TestSocket } from '../testing/test-socket.ts';

let server: TestServer;
let siteKey: string;
beforeAll(async () => {
  server = await startTestServer();
  const owner = await server.signUp();
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
    const before = server.app.visitorAppends.counts;
    const perVisitor = 3;
    // Each socket sends its next message once the previous one is acked, as the widget does.
    const sent = await Promise.all(
      visitors.map(async ({ socket, conversationId }) => {
        const messages: Message[] = [];
        for (let i = 1; i <= perVisitor; i++) messages.push(await socket.sendAcked({ conversationId, body: `m${i}` }));
        return messages;
      }),
    );
    const after = server.app.visitorAppends.counts;
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
      server.app.visitorAppends.append({
        visitorId: owner.visitor_id,
        workspaceId: owner.workspace_id,
        inboxId: owner.inbox_id,
        conversationId,
        clientId,
        body: 'alone',
      });
    const before = server.app.visitorAppends.counts;

    const found = await send(undefined, 'alone-without-conversation-id');
    expect(found?.conversation_id).toBe(mine.conversationId);
    expect(await send(theirs.conversationId, 'alone-into-theirs')).toBeUndefined();
    expect(server.app.visitorAppends.counts.statements - before.statements).toBe(2);
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
