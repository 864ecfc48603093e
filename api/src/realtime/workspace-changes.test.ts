import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ConversationAppended, ConversationSummary } from '../protocol/entities.ts';
import type { ServerFrame } from '../protocol/frames.ts';
import { sendAckedCommand, waitForAssigned } from '../testing/routing-helpers.ts';
import { startTestServer, type TestAgent, type TestServer } from '../testing/test-server.ts';
import { newClientId, type TestSocket } from '../testing/test-socket.ts';

// conversations.changed tells agents what changed in conversations they do not follow: what messages alone
// changed (`appended`, no query), or the whole summary when anything else changed or none went out lately.
type Changed = Extract<ServerFrame, { type: 'conversations.changed' }>;
const isChanged = (frame: ServerFrame): frame is Changed => frame.type === 'conversations.changed';

function appendedOf(socket: TestSocket, conversationId: string): ConversationAppended[] {
  return socket.frames
    .filter(isChanged)
    .flatMap((frame) => (frame.data.appended ?? []).filter((c) => c.id === conversationId));
}

function summariesOf(socket: TestSocket, conversationId: string): ConversationSummary[] {
  return socket.frames
    .filter(isChanged)
    .flatMap((frame) => frame.data.conversations.filter((c) => c.id === conversationId));
}

interface Workspace {
  server: TestServer;
  holder: TestAgent;
  holderSocket: TestSocket;
  teammate: TestAgent;
  replier: TestAgent;
  visitor: TestSocket;
  conversationId: string;
}

async function startWorkspace(summaryWindowMs?: number): Promise<Workspace> {
  const server = await startTestServer(summaryWindowMs ? { summaryWindowMs } : {});
  const holder = await server.signUp(undefined, { name: 'Hana Holder' });
  const teammate = await server.signUp(undefined, { name: 'Tom Teammate' });
  const replier = await server.signUp(undefined, { name: 'Rita Replier' });
  await server.moveAgentToWorkspace(teammate.me.user.id, holder.me.workspace.id);
  await server.moveAgentToWorkspace(replier.me.user.id, holder.me.workspace.id);
  const holderSocket = await server.connectAgent(holder);
  const inbox = await server.inboxOf(holder.cookie);
  const visitor = (await server.connectVisitor(inbox.siteKey)).socket;
  const conversationId = (await visitor.sendAcked({ body: 'first' })).conversationId;
  await waitForAssigned(visitor, conversationId);
  // Its whole summary, as of the assignment, goes out: from here on it is recent.
  const { last_seq } = await server.db
    .selectFrom('conversations')
    .select('last_seq')
    .where('id', '=', conversationId)
    .executeTakeFirstOrThrow();
  await holderSocket.waitFor(
    (frame) =>
      isChanged(frame) && frame.data.conversations.some((c) => c.id === conversationId && c.lastSeq === last_seq),
  );
  return { server, holder, holderSocket, teammate, replier, visitor, conversationId };
}

describe('conversations.changed within the summary window', () => {
  let w: Workspace;
  beforeAll(async () => {
    w = await startWorkspace();
  });
  afterAll(() => w.server.close());

  test('messages alone reach a teammate as what they changed: the seqs covered, the newest reply, its time', async () => {
    const socket = await w.server.connectAgent(w.teammate);
    const first = await w.visitor.sendAcked({ conversationId: w.conversationId, body: 'is it shipped?' });
    const second = await w.visitor.sendAcked({ conversationId: w.conversationId, body: 'order 1234' });
    await socket.waitFor(() => appendedOf(socket, w.conversationId).some((c) => c.lastSeq === second.seq));
    const changes = appendedOf(socket, w.conversationId);
    // However the two fell into intervals, the entries cover both seqs without a gap.
    expect(changes[0]?.fromSeq).toBe(first.seq);
    for (const [index, change] of changes.entries()) {
      if (index > 0) expect(change.fromSeq).toBe((changes[index - 1]?.lastSeq ?? 0) + 1);
    }
    expect(changes.at(-1)).toEqual({
      id: w.conversationId,
      fromSeq: changes.at(-1)?.fromSeq,
      lastSeq: second.seq,
      lastMessage: { body: 'order 1234', senderType: 'visitor', createdAt: second.createdAt },
      updatedAt: second.createdAt,
    });
    expect(summariesOf(socket, w.conversationId)).toEqual([]);
    socket.close();
  });

  test('an internal note moves lastSeq and keeps the preview', async () => {
    const socket = await w.server.connectAgent(w.teammate);
    const note = async (body: string) =>
      (
        (await sendAckedCommand(w.holderSocket, 'message.send', {
          clientId: newClientId(),
          conversationId: w.conversationId,
          body,
          kind: 'note',
        })) as { message: { seq: number } }
      ).message.seq;
    // The holder's first note makes them a participant: that change needs the whole summary.
    const joined = await note('Looking into it');
    await socket.waitFor(() => summariesOf(socket, w.conversationId).some((c) => c.lastSeq === joined));
    const ack = { message: { seq: await note('VIP customer') } };
    await socket.waitFor(() => appendedOf(socket, w.conversationId).some((c) => c.lastSeq === ack.message.seq));
    const change = appendedOf(socket, w.conversationId).at(-1);
    expect(change?.fromSeq).toBe(ack.message.seq);
    expect(change?.lastMessage).toBeUndefined();
    socket.close();
  });

  test('anything besides a message brings the whole summary, as the database has it', async () => {
    const socket = await w.server.connectAgent(w.teammate);
    await sendAckedCommand(w.holderSocket, 'conversation.set_priority', {
      conversationId: w.conversationId,
      priority: 'urgent',
    });
    await socket.waitFor(() => summariesOf(socket, w.conversationId).length > 0);
    expect(summariesOf(socket, w.conversationId)[0]).toMatchObject({
      priority: 'urgent',
      assignee: { id: w.holder.me.user.id },
      lastMessage: { body: 'order 1234' },
    });
    socket.close();
  });

  test('an agent who joins by replying: the whole summary, with them among the participants', async () => {
    const socket = await w.server.connectAgent(w.teammate);
    const replierSocket = await w.server.connectAgent(w.replier);
    await sendAckedCommand(replierSocket, 'message.send', {
      clientId: newClientId(),
      conversationId: w.conversationId,
      body: 'I can help too',
    });
    await socket.waitFor(() =>
      summariesOf(socket, w.conversationId).some((c) => c.participantIds?.includes(w.replier.me.user.id)),
    );
    expect(summariesOf(socket, w.conversationId).at(-1)?.lastMessage).toMatchObject({
      body: 'I can help too',
      senderType: 'agent',
    });
    replierSocket.close();
    socket.close();
  });

  test('another workspace hears none of it', async () => {
    const outsider = await w.server.signUp(undefined, { name: 'Otto Outsider' });
    const socket = await w.server.connectAgent(outsider);
    await w.visitor.sendAcked({ conversationId: w.conversationId, body: 'not for outsiders' });
    expect(await socket.collectFor(600, isChanged)).toEqual([]);
    socket.close();
  });
});

describe('conversations.changed after the summary window', () => {
  let w: Workspace;
  beforeAll(async () => {
    w = await startWorkspace(1_000);
  });
  afterAll(() => w.server.close());

  test('a conversation that keeps getting messages gets its whole summary again within two windows', async () => {
    const socket = await w.server.connectAgent(w.teammate);
    const deadline = Date.now() + 8_000;
    let last = 0;
    // Messages every ~100 ms: appended entries while the last summary is recent, then a whole one.
    while (Date.now() < deadline && summariesOf(socket, w.conversationId).length === 0) {
      last = (await w.visitor.sendAcked({ conversationId: w.conversationId, body: `tick ${last}` })).seq;
      await socket.collectFor(100);
    }
    expect(appendedOf(socket, w.conversationId).length).toBeGreaterThan(0);
    const summary = summariesOf(socket, w.conversationId)[0];
    expect(summary?.lastSeq).toBeGreaterThan(appendedOf(socket, w.conversationId)[0]?.lastSeq ?? Infinity);
    expect(summary?.lastSeq).toBeLessThanOrEqual(last);
    socket.close();
  });
});
