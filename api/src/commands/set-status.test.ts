import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ConversationEvent } from '../protocol/events.ts';
import { createTeam, openConversation, waitForAssigned } from '../testing/routing-helpers.ts';
import { eventually, startTestServer, type TestServer } from '../testing/test-server.ts';
import { nextFrameId, type TestSocket } from '../testing/test-socket.ts';

// conversation.set_status and conversation.set_priority over real sockets: the events and their seqs,
// what the visitor gets of them, a visitor's message waking the conversation, and every refusal.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const inOneHour = () => new Date(Date.now() + 3_600_000).toISOString();

async function command(socket: TestSocket, type: string, data: object) {
  const id = nextFrameId();
  socket.send({ type, id, data });
  return socket.waitForAnswer(id);
}

/** A workspace whose owner (connected) was given a new visitor's conversation. */
async function assignedConversation(names = ['Ada', 'Bo']) {
  const team = await createTeam(server, names);
  const owner = await server.connectAgent(team.agents[0]!);
  const visitor = await openConversation(server, team.inbox.siteKey);
  await waitForAssigned(visitor.socket, visitor.conversationId);
  return { ...team, owner, visitor };
}

const typesOf = (events: ConversationEvent[]) => events.map((event) => `${event.data.seq}:${event.type}`);

describe('conversation.set_status', () => {
  test('pending, snoozed, open and resolved are events with the next seqs; repeating one changes nothing', async () => {
    const { owner, visitor, agents } = await assignedConversation();
    const { conversationId } = visitor;
    const until = inOneHour();

    const pending = await command(owner, 'conversation.set_status', { conversationId, status: 'pending' });
    expect(pending).toMatchObject({ type: 'ack', data: { conversation: { status: 'pending', snoozedUntil: null } } });
    expect(await command(owner, 'conversation.set_status', { conversationId, status: 'pending' })).toMatchObject({
      type: 'ack',
    });
    const snoozed = await command(owner, 'conversation.set_status', {
      conversationId,
      status: 'snoozed',
      snoozedUntil: until,
    });
    expect(snoozed).toMatchObject({ data: { conversation: { status: 'snoozed', snoozedUntil: until } } });
    await command(owner, 'conversation.set_status', { conversationId, status: 'open' });
    await command(owner, 'conversation.set_status', { conversationId, status: 'resolved' });
    await command(owner, 'conversation.set_status', { conversationId, status: 'open' });

    const by = { id: agents[0]!.me.user.id, name: 'Ada' };
    await eventually(() => expect(owner.events(conversationId).at(-1)?.type).toBe('conversation.reopened'));
    const changes = owner.events(conversationId).filter((event) => event.data.seq > 3);
    expect(typesOf(changes)).toEqual([
      '4:conversation.status_changed',
      '5:conversation.status_changed',
      '6:conversation.status_changed',
      '7:conversation.resolved',
      '8:conversation.reopened',
    ]);
    expect(changes[0]!.data).toMatchObject({ status: 'pending', snoozedUntil: null, by });
    expect(changes[1]!.data).toMatchObject({ status: 'snoozed', snoozedUntil: until, by });
    expect(changes[2]!.data).toMatchObject({ status: 'open', snoozedUntil: null, by });
    expect(await server.storedSeqs(conversationId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // The visitor hears status changes by seq, like resolve and reopen.
    await eventually(() => expect(visitor.socket.events(conversationId).at(-1)?.data.seq).toBe(8));
  });

  test('the old conversation.resolve still works, also on a snoozed conversation', async () => {
    const { owner, visitor } = await assignedConversation();
    const { conversationId } = visitor;
    await command(owner, 'conversation.set_status', { conversationId, status: 'snoozed', snoozedUntil: inOneHour() });
    const resolved = await command(owner, 'conversation.resolve', { conversationId });
    expect(resolved).toMatchObject({ type: 'ack', data: { conversation: { status: 'resolved', snoozedUntil: null } } });
  });

  test('refused: a snooze without a time, in the past or beyond a year, a time without snooze, a bad status', async () => {
    const { owner, visitor } = await assignedConversation();
    const { conversationId } = visitor;
    const refusals = [
      { status: 'snoozed' },
      { status: 'snoozed', snoozedUntil: new Date(Date.now() - 1000).toISOString() },
      { status: 'snoozed', snoozedUntil: new Date(Date.now() + 400 * 86_400_000).toISOString() },
      { status: 'pending', snoozedUntil: inOneHour() },
    ];
    for (const data of refusals) {
      const answer = await command(owner, 'conversation.set_status', { conversationId, ...data });
      expect(answer).toMatchObject({ type: 'error', data: { code: 'conversation/snooze_invalid' } });
    }
    const invalid = await command(owner, 'conversation.set_status', { conversationId, status: 'closed' });
    expect(invalid).toMatchObject({ type: 'error', data: { code: 'frame/invalid' } });
    const extra = await command(owner, 'conversation.set_priority', { conversationId, priority: 'high', x: 1 });
    expect(extra).toMatchObject({ type: 'error', data: { code: 'frame/invalid' } });
    expect(await server.storedSeqs(conversationId)).toEqual([1, 2, 3]);
  });

  test('an agent (not only an admin) may set status and priority; another workspace gets not_found and changes nothing', async () => {
    const { visitor, agents } = await assignedConversation(['Cy', 'Di']);
    const { conversationId } = visitor;
    const di = await server.connectAgent(agents[1]!);
    expect(agents[1]!.me.user.id).not.toBe(agents[0]!.me.user.id);
    expect(await command(di, 'conversation.set_status', { conversationId, status: 'pending' })).toMatchObject({
      type: 'ack',
    });
    expect(await command(di, 'conversation.set_priority', { conversationId, priority: 'low' })).toMatchObject({
      type: 'ack',
    });

    const mallory = await server.connectAgent(await server.signUp(undefined, { name: 'Mallory' }));
    for (const [type, data] of [
      ['conversation.set_status', { conversationId, status: 'resolved' }],
      ['conversation.set_priority', { conversationId, priority: 'urgent' }],
    ] as const) {
      expect(await command(mallory, type, data)).toMatchObject({
        type: 'error',
        data: { code: 'conversation/not_found' },
      });
    }
    const row = await server.db
      .selectFrom('conversations')
      .select(['status', 'priority'])
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'pending', priority: 1 });
  });
});

describe('conversation.set_priority', () => {
  test('a priority change is an event for agents; the visitor gets only its seq, never the priority', async () => {
    const { owner, visitor, agents } = await assignedConversation();
    const { conversationId } = visitor;
    const ack = await command(owner, 'conversation.set_priority', { conversationId, priority: 'urgent' });
    expect(ack).toMatchObject({ type: 'ack', data: { conversation: { priority: 'urgent' } } });
    await command(owner, 'conversation.set_priority', { conversationId, priority: 'urgent' });
    await eventually(() => expect(owner.events(conversationId).at(-1)?.type).toBe('conversation.priority_changed'));
    expect(owner.events(conversationId).at(-1)?.data).toMatchObject({ seq: 4, priority: 'urgent' });
    expect(await server.storedSeqs(conversationId)).toEqual([1, 2, 3, 4]);

    await eventually(() => expect(visitor.socket.events(conversationId).at(-1)?.data.seq).toBe(4));
    const visitorFrames = JSON.stringify(visitor.socket.frames);
    expect(visitorFrames).not.toContain('urgent');
    expect(visitor.socket.events(conversationId).at(-1)?.type).toBe('conversation.seq_skipped');

    // The list and the queue order carry it.
    const list = await server.request('GET', '/v1/conversations?status=all', { cookie: agents[0]!.cookie });
    expect(list.body.conversations.find((c: { id: string }) => c.id === conversationId)).toMatchObject({
      priority: 'urgent',
    });
  });
});

describe('a visitor writing', () => {
  test('into a pending or snoozed conversation opens it, before their message', async () => {
    const { owner, visitor } = await assignedConversation();
    const { conversationId } = visitor;
    await command(owner, 'conversation.set_status', { conversationId, status: 'pending' });
    await visitor.socket.sendAcked({ body: 'still there?' });
    await command(owner, 'conversation.set_status', { conversationId, status: 'snoozed', snoozedUntil: inOneHour() });
    await visitor.socket.sendAcked({ body: 'hello again', conversationId });

    await eventually(() => expect(owner.events(conversationId).at(-1)?.type).toBe('message.created'));
    const changes = owner.events(conversationId).filter((event) => event.data.seq > 3);
    expect(typesOf(changes)).toEqual([
      '4:conversation.status_changed',
      '5:conversation.status_changed',
      '6:message.created',
      '7:conversation.status_changed',
      '8:conversation.status_changed',
      '9:message.created',
    ]);
    expect(changes[1]!.data).toMatchObject({ status: 'open', by: null, reason: 'visitor_message' });
    expect(changes[4]!.data).toMatchObject({ status: 'open', snoozedUntil: null, reason: 'visitor_message' });
    // Still the same conversation: nothing new was opened for the visitor.
    const count = await server.db
      .selectFrom('conversations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('visitor_id', '=', visitor.visitorId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});
