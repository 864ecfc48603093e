import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ServerFrame } from '../protocol/frames.ts';
import { sendAckedCommand, sendCommand, waitForAssigned } from '../testing/routing-helpers.ts';
import { startTestServer, type TestAgent, type TestServer } from '../testing/test-server.ts';
import { isConversationEvent, type TestSocket } from '../testing/test-socket.ts';

// Agent sockets hear, event by event, only the conversations assigned to them and those they follow;
// the rest of the workspace reaches them as batched conversations.changed summaries.
let server: TestServer;
let holder: TestAgent;
let teammate: TestAgent;
let outsider: TestAgent;
let holderSocket: TestSocket;
let visitor: TestSocket;
let conversationId: string;
beforeAll(async () => {
  server = await startTestServer();
  holder = await server.signUp(undefined, { name: 'Hana Holder' });
  teammate = await server.signUp(undefined, { name: 'Tom Teammate' });
  outsider = await server.signUp(undefined, { name: 'Otto Outsider' });
  await server.moveAgentToWorkspace(teammate.me.user.id, holder.me.workspace.id);
  holderSocket = await server.connectAgent(holder);
  const inbox = await server.inboxOf(holder.cookie);
  visitor = (await server.connectVisitor(inbox.siteKey)).socket;
  conversationId = (await visitor.sendAcked({ body: 'first' })).conversationId;
  await waitForAssigned(visitor, conversationId);
});
afterAll(() => server.close());

const eventsOf = (socket: TestSocket) =>
  socket.frames.filter((frame) => isConversationEvent(frame) && frame.data.conversationId === conversationId);

describe('agent sockets follow some conversations, not the whole workspace', () => {
  test('a teammate hears a message of a conversation it does not hold as a summary, not as an event', async () => {
    const socket = await server.connectAgent(teammate);
    const message = await visitor.sendAcked({ conversationId, body: 'for the holder' });
    await holderSocket.waitFor((frame) => frame.type === 'message.created' && frame.data.message.id === message.id);
    // The whole summary when the assignment is in the same batch, else what the message changed.
    const changesOf = (frame: ServerFrame) =>
      frame.type === 'conversations.changed' ? [...frame.data.conversations, ...(frame.data.appended ?? [])] : [];
    const isThisMessage = (change: { id: string; lastSeq: number }) =>
      change.id === conversationId && change.lastSeq === message.seq;
    const changed = await socket.waitFor((frame) => changesOf(frame).some(isThisMessage));
    expect(changesOf(changed).find(isThisMessage)).toMatchObject({
      lastMessage: { body: 'for the holder', senderType: 'visitor' },
    });
    expect(eventsOf(socket)).toEqual([]);
    socket.close();
  });

  test('after conversation.follow it hears every later event, from the acked seq on', async () => {
    const socket = await server.connectAgent(teammate);
    const ack = (await sendAckedCommand(socket, 'conversation.follow', { conversationId })) as { lastSeq: number };
    const message = await visitor.sendAcked({ conversationId, body: 'now you hear me' });
    expect(message.seq).toBe(ack.lastSeq + 1);
    await socket.waitFor((frame) => frame.type === 'message.created' && frame.data.message.id === message.id);
    expect(eventsOf(socket).map((frame) => isConversationEvent(frame) && frame.data.seq)).toEqual([message.seq]);
    socket.close();
  });

  test('following another workspace’s conversation is refused with conversation/not_found, and nothing is heard', async () => {
    const socket = await server.connectAgent(outsider);
    const answer = await sendCommand(socket, 'conversation.follow', { conversationId });
    expect(answer).toMatchObject({ type: 'error', data: { code: 'conversation/not_found' } });
    await visitor.sendAcked({ conversationId, body: 'not for outsiders' });
    await socket.collectFor(400);
    expect(
      socket.frames.filter((frame) => isConversationEvent(frame) || frame.type === 'conversations.changed'),
    ).toEqual([]);
    socket.close();
  });

  test('an agent the conversation is given to hears it from its first event, in order', async () => {
    const socket = await server.connectAgent(teammate);
    await sendAckedCommand(holderSocket, 'conversation.assign', { conversationId, assigneeId: teammate.me.user.id });
    const row = await server.db
      .selectFrom('conversations')
      .select('last_seq')
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    await socket.waitFor((frame) => isConversationEvent(frame) && frame.data.seq === row.last_seq);
    const seqs = eventsOf(socket).map((frame) => (isConversationEvent(frame) ? frame.data.seq : 0));
    expect(seqs).toEqual(Array.from({ length: row.last_seq }, (_, index) => index + 1));
    // The previous holder sees it leave, then hears of it only as a summary.
    await holderSocket.waitFor((frame) => frame.type === 'conversation.assigned' && frame.data.seq === row.last_seq);
    const before = eventsOf(holderSocket).length;
    await visitor.sendAcked({ conversationId, body: 'to the new holder' });
    await socket.waitFor(
      (frame) => frame.type === 'message.created' && frame.data.message.body === 'to the new holder',
    );
    await holderSocket.collectFor(300);
    expect(eventsOf(holderSocket)).toHaveLength(before);
    socket.close();
  });
});
