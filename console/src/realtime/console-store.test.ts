import type { Queue, ServerFrame } from '@parley/api/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/http.ts';
import type { ConsoleStore } from './console-store.ts';
import { setup } from './console-store-harness.ts';
import {
  AGENT,
  atSecond,
  CONVERSATION_ID,
  INBOX_ID,
  ME,
  makeDetail,
  makeHistory,
  makeMember,
  makeMessage,
  makeMessageEvent,
  makeQueue,
  makeSummary,
  OTHER_CONVERSATION_ID,
} from './test-fixtures.ts';

async function openLoaded(store: ConsoleStore): Promise<void> {
  store.openConversation(CONVERSATION_ID);
  await vi.waitFor(() => expect(store.getSnapshot().cache.conversations.get(CONVERSATION_ID)?.events).toHaveLength(3));
}

function ackFor(frameId: string, clientId: string, seq: number): ServerFrame {
  const message = makeMessage(seq, { clientId, sender: { type: 'agent', id: AGENT.id, name: AGENT.name }, body: 'hi' });
  return { type: 'ack', id: frameId, data: { message } };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ConsoleStore sends', () => {
  let ctx: ReturnType<typeof setup>;
  beforeEach(async () => {
    ctx = setup();
    ctx.store.start();
    ctx.connection.becomeReady();
    await openLoaded(ctx.store);
  });

  it('shows a send as pending, then replaces it with the acknowledged message', () => {
    const { store, connection } = ctx;
    store.send(CONVERSATION_ID, '  hi  ');
    const [frame] = connection.sentOfType('message.send');
    expect(frame?.data).toMatchObject({ conversationId: CONVERSATION_ID, body: 'hi' });
    expect(store.getSnapshot().outbox).toHaveLength(1);
    expect(store.getSnapshot().outbox[0]?.status).toBe('pending');

    if (!frame) throw new Error('no frame');
    connection.receive(ackFor(frame.id, frame.data.clientId, 4));
    const snapshot = store.getSnapshot();
    expect(snapshot.outbox).toEqual([]);
    const events = snapshot.cache.conversations.get(CONVERSATION_ID)?.events ?? [];
    expect(events.map((event) => event.data.seq)).toEqual([1, 2, 3, 4]);

    connection.receive(makeMessageEvent(4, { clientId: frame.data.clientId }));
    expect(store.getSnapshot().cache.conversations.get(CONVERSATION_ID)?.events).toHaveLength(4);
  });

  it('sends an internal note with kind note, and resends it as a note after a reconnect', () => {
    const { store, connection } = ctx;
    store.send(CONVERSATION_ID, 'ask @Bob Stone', 'note');
    store.send(CONVERSATION_ID, 'a reply');
    const [note, reply] = connection.sentOfType('message.send');
    expect(note?.data).toMatchObject({ body: 'ask @Bob Stone', kind: 'note' });
    expect(reply?.data).not.toHaveProperty('kind');
    expect(store.getSnapshot().outbox[0]?.kind).toBe('note');
    connection.drop();
    connection.becomeReady();
    const resent = connection.sentOfType('message.send').slice(2);
    expect(resent.find((frame) => frame.data.clientId === note?.data.clientId)?.data.kind).toBe('note');
  });

  it('drops the pending item when the message.created event arrives before the ack', () => {
    const { store, connection } = ctx;
    store.send(CONVERSATION_ID, 'hi');
    const [frame] = connection.sentOfType('message.send');
    if (!frame) throw new Error('no frame');
    connection.receive(makeMessageEvent(4, { clientId: frame.data.clientId }));
    expect(store.getSnapshot().outbox).toEqual([]);
    connection.receive(ackFor(frame.id, frame.data.clientId, 4));
    expect(store.getSnapshot().cache.conversations.get(CONVERSATION_ID)?.events).toHaveLength(4);
  });

  it('resends with the same clientId after a reconnect until acknowledged', () => {
    const { store, connection } = ctx;
    store.send(CONVERSATION_ID, 'hi');
    const [first] = connection.sentOfType('message.send');
    connection.drop();
    connection.becomeReady();
    const sends = connection.sentOfType('message.send');
    expect(sends).toHaveLength(2);
    expect(sends[1]?.data.clientId).toBe(first?.data.clientId);
    expect(sends[1]?.id).not.toBe(first?.id);
  });

  it('queues while offline and sends on the next session.ready', () => {
    const { store, connection } = ctx;
    connection.drop();
    store.send(CONVERSATION_ID, 'later');
    expect(connection.sentOfType('message.send')).toHaveLength(0);
    expect(store.getSnapshot().outbox[0]?.status).toBe('pending');
    connection.becomeReady();
    expect(connection.sentOfType('message.send')).toHaveLength(1);
  });

  it('marks a refused send failed and retries it with the same clientId', () => {
    const { store, connection } = ctx;
    store.send(CONVERSATION_ID, 'hi');
    const [frame] = connection.sentOfType('message.send');
    if (!frame) throw new Error('no frame');
    connection.receive({ type: 'error', id: frame.id, data: { code: 'message/too_long', message: 'Too long' } });
    expect(store.getSnapshot().outbox[0]).toMatchObject({ status: 'failed', error: 'Too long' });

    store.retry(frame.data.clientId);
    expect(store.getSnapshot().outbox[0]?.status).toBe('pending');
    const sends = connection.sentOfType('message.send');
    expect(sends).toHaveLength(2);
    expect(sends[1]?.data.clientId).toBe(frame.data.clientId);

    store.discard(frame.data.clientId);
    expect(store.getSnapshot().outbox).toEqual([]);
  });

  it('retries rate-limited sends by itself', () => {
    vi.useFakeTimers();
    const { store, connection } = ctx;
    store.send(CONVERSATION_ID, 'hi');
    const [frame] = connection.sentOfType('message.send');
    if (!frame) throw new Error('no frame');
    connection.receive({ type: 'error', id: frame.id, data: { code: 'rate/limited', message: 'Slow down' } });
    expect(store.getSnapshot().outbox[0]?.status).toBe('pending');
    vi.advanceTimersByTime(1000);
    expect(connection.sentOfType('message.send')).toHaveLength(2);
  });
});

describe('ConsoleStore sync', () => {
  it('refetches the list on every session.ready', async () => {
    const { store, api, connection } = setup();
    store.start();
    connection.becomeReady();
    connection.drop();
    connection.becomeReady();
    await vi.waitFor(() => expect(api.listConversations).toHaveBeenCalledTimes(2));
    expect(api.listConversations).toHaveBeenCalledWith('open');
  });

  it('remembers the active filter for refetches', async () => {
    const { store, api, connection } = setup();
    store.start();
    await store.loadList('resolved');
    connection.becomeReady();
    await vi.waitFor(() => expect(api.listConversations).toHaveBeenLastCalledWith('resolved'));
    expect(store.getSnapshot().lists.resolved).toBe('loaded');
  });

  it('reloads a conversation over REST on a gap', async () => {
    const { store, api, connection } = setup({ getConversation: vi.fn(async () => makeDetail(makeHistory(5))) });
    store.start();
    connection.becomeReady();
    for (const event of makeHistory(2)) connection.receive(event);
    connection.receive(makeMessageEvent(5));
    await vi.waitFor(() => expect(api.getConversation).toHaveBeenCalledWith(CONVERSATION_ID));
    await vi.waitFor(() =>
      expect(store.getSnapshot().cache.conversations.get(CONVERSATION_ID)?.events).toHaveLength(5),
    );
  });

  it('reloads on conversation.resync_required', async () => {
    const { store, api, connection } = setup();
    store.start();
    connection.receive({ type: 'conversation.resync_required', data: { conversationId: CONVERSATION_ID, lastSeq: 0 } });
    await vi.waitFor(() => expect(api.getConversation).toHaveBeenCalledWith(CONVERSATION_ID));
  });

  it('records a missing conversation', async () => {
    const { store } = setup({
      getConversation: vi.fn(async () => {
        throw new ApiError(404, 'conversation/not_found', 'Not found');
      }),
    });
    store.openConversation(CONVERSATION_ID);
    expect(store.getSnapshot().details.get(CONVERSATION_ID)?.status).toBe('loading');
    await vi.waitFor(() => expect(store.getSnapshot().details.get(CONVERSATION_ID)?.status).toBe('not_found'));
  });

  it('loads older pages of the size asked for (opening at an old message), and says when one failed', async () => {
    const newest = makeHistory(150).slice(100);
    const getConversation = vi.fn(async (_id: string, query?: { beforeSeq?: number; limit?: number }) =>
      query?.beforeSeq === undefined ? makeDetail(newest) : makeDetail(makeHistory(150).slice(60, 100)),
    );
    const { store } = setup({ getConversation });
    store.openConversation(CONVERSATION_ID);
    await vi.waitFor(() =>
      expect(store.getSnapshot().cache.conversations.get(CONVERSATION_ID)?.events).toHaveLength(50),
    );
    expect(await store.loadOlder(CONVERSATION_ID, 40)).toBe(true);
    expect(getConversation).toHaveBeenLastCalledWith(CONVERSATION_ID, { beforeSeq: 101, limit: 40 });
    const entry = store.getSnapshot().cache.conversations.get(CONVERSATION_ID);
    expect(entry?.events?.[0]?.data.seq).toBe(61);
    expect(entry?.hasMore).toBe(true);

    getConversation.mockRejectedValueOnce(new ApiError(0, 'network/failed', 'offline'));
    expect(await store.loadOlder(CONVERSATION_ID)).toBe(false);
    expect(getConversation).toHaveBeenLastCalledWith(CONVERSATION_ID, { beforeSeq: 61, limit: 100 });
    expect(store.getSnapshot().loadingOlder.has(CONVERSATION_ID)).toBe(false);
  });

  it('resumes the conversations it holds', async () => {
    const { store, connection } = setup();
    await openLoaded(store);
    expect(connection.handlers.getResume()).toEqual([{ conversationId: CONVERSATION_ID, lastSeq: 3 }]);
  });

  it('follows a conversation over the socket before reading it, so no event falls between', async () => {
    const { store, api, connection } = setup();
    store.start();
    connection.becomeReady();
    store.openConversation(CONVERSATION_ID);
    expect(connection.sentOfType('conversation.follow').map((frame) => frame.data)).toEqual([
      { conversationId: CONVERSATION_ID },
    ]);
    expect(api.getConversation).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(api.getConversation).toHaveBeenCalledWith(CONVERSATION_ID));
  });

  it('follows a conversation read after hello went out but before session.ready, once the socket is live', async () => {
    const { store, api, connection } = setup();
    store.start();
    // The page opens at a conversation: hello (with nothing to resume) is sent, the read finishes first.
    expect(connection.handlers.getResume()).toEqual([]);
    await openLoaded(store);
    expect(connection.sentOfType('conversation.follow')).toEqual([]);
    connection.setStatus('live');
    connection.handlers.onReady();
    expect(connection.sentOfType('conversation.follow').map((frame) => frame.data)).toEqual([
      { conversationId: CONVERSATION_ID },
    ]);
    // Read again after the follow, so nothing between the first read and the follow is missed.
    await vi.waitFor(() => expect(api.getConversation).toHaveBeenCalledTimes(2));
  });

  it('keeps lists live from conversations.changed, and leaves followed conversations to their events', async () => {
    const { store, connection } = setup();
    store.start();
    connection.becomeReady();
    await openLoaded(store);
    const changed = (summaries: ReturnType<typeof makeSummary>[]): ServerFrame => ({
      type: 'conversations.changed',
      data: { conversations: summaries },
    });
    const other = makeSummary({ id: OTHER_CONVERSATION_ID, lastSeq: 4, updatedAt: atSecond(9) });
    connection.receive(changed([other, makeSummary({ lastSeq: 9, updatedAt: atSecond(9) })]));
    const { cache } = store.getSnapshot();
    expect(cache.conversations.get(OTHER_CONVERSATION_ID)?.summary).toEqual(other);
    // Followed: its events (seq 4…9) are on their way over the socket and will bring the summary along.
    expect(cache.conversations.get(CONVERSATION_ID)?.summary.lastSeq).toBe(3);
    expect(cache.reloading.has(CONVERSATION_ID)).toBe(false);
  });

  it('moves a listed conversation on by what its messages changed (appended)', async () => {
    const { store, connection } = setup();
    store.start();
    connection.becomeReady();
    await openLoaded(store);
    const other = makeSummary({ id: OTHER_CONVERSATION_ID, lastSeq: 4, updatedAt: atSecond(9) });
    connection.receive({ type: 'conversations.changed', data: { conversations: [other] } });
    const lastMessage = { body: 'Still there?', senderType: 'visitor' as const, createdAt: atSecond(12) };
    connection.receive({
      type: 'conversations.changed',
      data: {
        conversations: [],
        appended: [{ id: OTHER_CONVERSATION_ID, fromSeq: 5, lastSeq: 6, lastMessage, updatedAt: atSecond(12) }],
      },
    });
    expect(store.getSnapshot().cache.conversations.get(OTHER_CONVERSATION_ID)?.summary).toEqual({
      ...other,
      lastSeq: 6,
      lastMessage,
      updatedAt: atSecond(12),
    });
  });
});

describe('ConsoleStore session', () => {
  it('calls onUnauthorized when the socket closes with 4001', () => {
    const { store, connection, onUnauthorized } = setup();
    store.start();
    connection.setStatus('unauthorized');
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('checks the session when the socket never opens', async () => {
    const { store, connection, onUnauthorized } = setup({ isSessionValid: vi.fn(async () => false) });
    store.start();
    connection.handlers.onClosed?.({ code: 1006, wasOpen: false });
    await vi.waitFor(() => expect(onUnauthorized).toHaveBeenCalledOnce());
    expect(connection.stopped).toBe(1);
  });

  it('resolves conversations over the socket', async () => {
    const { store, connection } = setup();
    store.start();
    await expect(store.resolve(CONVERSATION_ID)).rejects.toMatchObject({ code: 'network/offline' });
    connection.becomeReady();
    const done = store.resolve(CONVERSATION_ID);
    const [frame] = connection.sentOfType('conversation.resolve');
    if (!frame) throw new Error('no frame');
    connection.receive({ type: 'ack', id: frame.id, data: { conversation: makeSummary({ status: 'resolved' }) } });
    await expect(done).resolves.toBeUndefined();

    const refused = store.resolve(CONVERSATION_ID);
    const second = connection.sentOfType('conversation.resolve')[1];
    if (!second) throw new Error('no frame');
    connection.receive({ type: 'error', id: second.id, data: { code: 'auth/forbidden', message: 'No' } });
    await expect(refused).rejects.toMatchObject({ code: 'auth/forbidden' });
  });
});

describe('ConsoleStore queues', () => {
  it('reads the inboxes and their queues on every session.ready', async () => {
    const { store, api, connection } = setup({
      getQueue: vi.fn(async () => makeQueue([CONVERSATION_ID, OTHER_CONVERSATION_ID])),
      listConversations: vi.fn(async () => ({
        conversations: [makeSummary(), makeSummary({ id: OTHER_CONVERSATION_ID })],
      })),
    });
    store.start();
    connection.becomeReady();
    await vi.waitFor(() => expect(store.getSnapshot().queues.byInbox.get(INBOX_ID)?.status).toBe('loaded'));
    const { queues } = store.getSnapshot();
    expect(queues.inboxes).toEqual([{ id: INBOX_ID, name: 'Website', routingMode: 'auto' }]);
    expect(queues.byInbox.get(INBOX_ID)?.entries?.map((entry) => entry.id)).toEqual([
      CONVERSATION_ID,
      OTHER_CONVERSATION_ID,
    ]);
    connection.drop();
    connection.becomeReady();
    await vi.waitFor(() => expect(api.getQueue).toHaveBeenCalledTimes(2));
    expect(api.listInboxes).toHaveBeenCalledTimes(2);
  });

  it('takes the numbers of a queue.summary at once and rereads the order', async () => {
    const { store, api, connection } = setup();
    store.start();
    connection.becomeReady();
    await vi.waitFor(() => expect(store.getSnapshot().queues.byInbox.get(INBOX_ID)?.status).toBe('loaded'));
    vi.mocked(api.getQueue).mockResolvedValueOnce(makeQueue([CONVERSATION_ID]));
    connection.receive({ type: 'queue.summary', data: { inboxId: INBOX_ID, length: 1, oldestQueuedAt: atSecond(0) } });
    expect(store.getSnapshot().queues.byInbox.get(INBOX_ID)).toMatchObject({ length: 1, oldestQueuedAt: atSecond(0) });
    await vi.waitFor(() => expect(store.getSnapshot().queues.byInbox.get(INBOX_ID)?.entries).toHaveLength(1));
    expect(api.getQueue).toHaveBeenCalledTimes(2);

    // Emptied: no read needed, the list clears at once.
    connection.receive({ type: 'queue.summary', data: { inboxId: INBOX_ID, length: 0, oldestQueuedAt: null } });
    expect(store.getSnapshot().queues.byInbox.get(INBOX_ID)?.entries).toEqual([]);
    expect(api.getQueue).toHaveBeenCalledTimes(2);
  });

  it('drops a queue read made stale by a newer summary and reads again', async () => {
    const { store, api, connection } = setup();
    store.start();
    connection.becomeReady();
    await vi.waitFor(() => expect(store.getSnapshot().queues.byInbox.get(INBOX_ID)?.status).toBe('loaded'));

    let answerFirst: (queue: Queue) => void = () => {};
    vi.mocked(api.getQueue)
      .mockImplementationOnce(() => new Promise<Queue>((resolve) => (answerFirst = resolve)))
      .mockResolvedValueOnce(makeQueue([OTHER_CONVERSATION_ID]));
    connection.receive({ type: 'queue.summary', data: { inboxId: INBOX_ID, length: 2, oldestQueuedAt: atSecond(0) } });
    connection.receive({ type: 'queue.summary', data: { inboxId: INBOX_ID, length: 1, oldestQueuedAt: atSecond(1) } });
    answerFirst(makeQueue([CONVERSATION_ID, OTHER_CONVERSATION_ID]));
    await vi.waitFor(() => expect(api.getQueue).toHaveBeenCalledTimes(3));
    await vi.waitFor(() =>
      expect(
        store
          .getSnapshot()
          .queues.byInbox.get(INBOX_ID)
          ?.entries?.map((entry) => entry.id),
      ).toEqual([OTHER_CONVERSATION_ID]),
    );
    expect(store.getSnapshot().queues.byInbox.get(INBOX_ID)?.length).toBe(1);
  });

  it('fetches the summaries of queued conversations it does not hold, once', async () => {
    const { store, api, connection } = setup({
      listConversations: vi.fn(async () => ({ conversations: [] })),
      getQueue: vi.fn(async () => makeQueue([OTHER_CONVERSATION_ID])),
    });
    store.start();
    connection.becomeReady();
    await vi.waitFor(() => expect(api.listConversations).toHaveBeenCalledTimes(2));
    await store.loadQueue(INBOX_ID);
    expect(api.listConversations).toHaveBeenCalledTimes(2);
  });

  it('shows a failed first read as an error', async () => {
    const { store, connection } = setup({
      getQueue: vi.fn(async () => {
        throw new ApiError(500, 'server/internal', 'Boom');
      }),
    });
    store.start();
    connection.becomeReady();
    await vi.waitFor(() => expect(store.getSnapshot().queues.byInbox.get(INBOX_ID)?.status).toBe('error'));
  });
});

describe('ConsoleStore assignment and presence', () => {
  let ctx: ReturnType<typeof setup>;
  beforeEach(async () => {
    ctx = setup();
    ctx.store.start();
    ctx.connection.becomeReady();
    await vi.waitFor(() => expect(ctx.store.getSnapshot().team.status).toBe('loaded'));
  });

  it('takes a conversation with conversation.assign and shows the acked summary', async () => {
    const { store, connection } = ctx;
    const done = store.assign(OTHER_CONVERSATION_ID, ME.id);
    const [frame] = connection.sentOfType('conversation.assign');
    expect(frame?.data).toEqual({ conversationId: OTHER_CONVERSATION_ID, assigneeId: ME.id });
    if (!frame) throw new Error('no frame');
    const conversation = makeSummary({ id: OTHER_CONVERSATION_ID, assignee: ME, lastSeq: 2 });
    connection.receive({ type: 'ack', id: frame.id, data: { conversation } });
    await expect(done).resolves.toEqual(conversation);
    expect(store.getSnapshot().cache.conversations.get(OTHER_CONVERSATION_ID)?.summary.assignee).toEqual(ME);
  });

  it('rejects an assignment the server refuses, with its code', async () => {
    const { store, connection } = ctx;
    const done = store.assign(CONVERSATION_ID, AGENT.id);
    const [frame] = connection.sentOfType('conversation.assign');
    if (!frame) throw new Error('no frame');
    connection.receive({ type: 'error', id: frame.id, data: { code: 'member/not_found', message: 'No such member' } });
    await expect(done).rejects.toMatchObject({ code: 'member/not_found' });
  });

  it('hands a conversation back with conversation.hand_back', async () => {
    const { store, connection } = ctx;
    const done = store.handBack(CONVERSATION_ID);
    const [frame] = connection.sentOfType('conversation.hand_back');
    expect(frame?.data).toEqual({ conversationId: CONVERSATION_ID });
    if (!frame) throw new Error('no frame');
    connection.receive({ type: 'ack', id: frame.id, data: {} });
    await expect(done).resolves.toBeUndefined();
  });

  it('reads its own status from the members and changes it with presence.set', async () => {
    const { store, connection } = ctx;
    expect(store.getSnapshot().team.myStatus).toBe('online');
    const done = store.setPresence('away');
    expect(store.getSnapshot().team.pendingStatus).toBe('away');
    const [frame] = connection.sentOfType('presence.set');
    expect(frame?.data).toEqual({ status: 'away' });
    if (!frame) throw new Error('no frame');
    connection.receive({ type: 'ack', id: frame.id, data: { status: 'away' } });
    await done;
    const { team } = store.getSnapshot();
    expect(team).toMatchObject({ myStatus: 'away', pendingStatus: null });
    expect(team.members.find((member) => member.userId === ME.id)?.isAway).toBe(true);
  });

  it('keeps the old status when the change is lost with the connection', async () => {
    const { store, connection } = ctx;
    const done = store.setPresence('away');
    connection.drop();
    await expect(done).rejects.toMatchObject({ code: 'network/offline' });
    expect(store.getSnapshot().team).toMatchObject({ myStatus: 'online', pendingStatus: null });
    await expect(store.setPresence('away')).rejects.toMatchObject({ code: 'network/offline' });
  });

  it('starts away when the server says so', async () => {
    const { store, connection } = setup({
      listMembers: vi.fn(async () => ({ members: [makeMember({ isAway: true }), makeMember({ userId: AGENT.id })] })),
    });
    store.start();
    connection.becomeReady();
    await vi.waitFor(() => expect(store.getSnapshot().team.myStatus).toBe('away'));
    expect(store.getSnapshot().team.members).toHaveLength(2);
  });
});
