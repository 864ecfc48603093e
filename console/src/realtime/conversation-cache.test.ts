import type { ConversationEvent } from '@parley/api/protocol';
import { describe, expect, it } from 'vitest';
import {
  applyAppended,
  applyChangedSummaries,
  applyDetail,
  applyEvent,
  applyOlderPage,
  type CacheState,
  EMPTY_CACHE,
  hasMessageWithClientId,
  mergeSummaries,
  selectConversations,
  selectResume,
  startReload,
} from './conversation-cache.ts';
import {
  AGENT,
  atSecond,
  CONVERSATION_ID,
  makeCreated,
  makeDetail,
  makeHistory,
  makeMessageEvent,
  makeSummary,
  OTHER_CONVERSATION_ID,
} from './test-fixtures.ts';

function applyAll(state: CacheState, events: ConversationEvent[]): { state: CacheState; reload: string[] } {
  let next = state;
  const reload: string[] = [];
  for (const event of events) {
    const update = applyEvent(next, event);
    next = update.state;
    reload.push(...update.reload);
  }
  return { state: next, reload };
}

function seqsOf(state: CacheState, id = CONVERSATION_ID): number[] | undefined {
  return state.conversations.get(id)?.events?.map((event) => event.data.seq);
}

describe('applyEvent', () => {
  it('adds a new conversation from conversation.created and holds its events from seq 1', () => {
    const { state, reload } = applyAll(EMPTY_CACHE, makeHistory(3));
    expect(reload).toEqual([]);
    expect(seqsOf(state)).toEqual([1, 2, 3]);
    const summary = state.conversations.get(CONVERSATION_ID)?.summary;
    expect(summary?.lastSeq).toBe(3);
    expect(summary?.lastMessage?.body).toBe('message 3');
    expect(summary?.updatedAt).toBe(atSecond(3));
  });

  it('ignores duplicates and returns the same state', () => {
    const { state } = applyAll(EMPTY_CACHE, makeHistory(3));
    const update = applyEvent(state, makeMessageEvent(2));
    expect(update.state).toBe(state);
    expect(update.reload).toEqual([]);
    expect(applyEvent(state, makeMessageEvent(3)).state).toBe(state);
  });

  it('asks for a reload on a gap and holds live events until the detail arrives', () => {
    const { state } = applyAll(EMPTY_CACHE, makeHistory(2));
    const gap = applyEvent(state, makeMessageEvent(5));
    expect(gap.reload).toEqual([CONVERSATION_ID]);
    expect(seqsOf(gap.state)).toEqual([1, 2]);

    const during = applyEvent(gap.state, makeMessageEvent(6));
    expect(during.reload).toEqual([]);

    const detail = makeDetail(makeHistory(5));
    const done = applyDetail(during.state, detail);
    expect(done.reload).toEqual([]);
    expect(seqsOf(done.state)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(done.state.reloading.size).toBe(0);
    expect(done.state.conversations.get(CONVERSATION_ID)?.summary.lastSeq).toBe(6);
  });

  it('reloads a conversation it has never seen when the event is not its creation', () => {
    const update = applyEvent(EMPTY_CACHE, makeMessageEvent(4));
    expect(update.reload).toEqual([CONVERSATION_ID]);
    expect(update.state.conversations.size).toBe(0);
  });

  it('updates the summary of a conversation whose events are not held', () => {
    const listed = mergeSummaries(EMPTY_CACHE, [makeSummary({ lastSeq: 2 })]).state;
    const assigned: ConversationEvent = {
      type: 'conversation.assigned',
      data: { conversationId: CONVERSATION_ID, seq: 3, at: atSecond(3), assignee: AGENT },
    };
    const resolved: ConversationEvent = {
      type: 'conversation.resolved',
      data: { conversationId: CONVERSATION_ID, seq: 4, at: atSecond(4), by: AGENT },
    };
    const { state } = applyAll(listed, [assigned, resolved]);
    const entry = state.conversations.get(CONVERSATION_ID);
    expect(entry?.events).toBeNull();
    expect(entry?.summary).toMatchObject({ lastSeq: 4, status: 'resolved', assignee: AGENT });
  });
});

describe('applyDetail', () => {
  it('replays held events after the detail and reloads again if a gap remains', () => {
    const started = startReload(EMPTY_CACHE, CONVERSATION_ID);
    expect(started.reload).toEqual([CONVERSATION_ID]);
    expect(startReload(started.state, CONVERSATION_ID).reload).toEqual([]);
    const held = applyEvent(started.state, makeMessageEvent(9)).state;
    const done = applyDetail(held, makeDetail(makeHistory(4)));
    expect(seqsOf(done.state)).toEqual([1, 2, 3, 4]);
    expect(done.reload).toEqual([CONVERSATION_ID]);
  });

  it('keeps older held events that connect to the new page', () => {
    const { state } = applyAll(EMPTY_CACHE, makeHistory(5));
    const page = makeHistory(8).slice(3);
    const done = applyDetail(startReload(state, CONVERSATION_ID).state, makeDetail(page));
    expect(seqsOf(done.state)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(done.state.conversations.get(CONVERSATION_ID)?.hasMore).toBe(false);
  });

  it('drops held events that do not connect to the new page', () => {
    const { state } = applyAll(EMPTY_CACHE, makeHistory(3));
    const page = makeHistory(20).slice(10);
    const done = applyDetail(startReload(state, CONVERSATION_ID).state, makeDetail(page));
    expect(seqsOf(done.state)?.[0]).toBe(11);
    expect(done.state.conversations.get(CONVERSATION_ID)?.hasMore).toBe(true);
  });
});

describe('applyOlderPage', () => {
  it('prepends an older page', () => {
    const newest = makeHistory(10).slice(5);
    const loaded = applyDetail(startReload(EMPTY_CACHE, CONVERSATION_ID).state, makeDetail(newest)).state;
    expect(loaded.conversations.get(CONVERSATION_ID)?.hasMore).toBe(true);
    const older = makeDetail(makeHistory(5));
    const next = applyOlderPage(loaded, older);
    expect(seqsOf(next)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(next.conversations.get(CONVERSATION_ID)?.hasMore).toBe(false);
  });
});

describe('mergeSummaries', () => {
  it('adds unknown conversations and keeps newer held summaries', () => {
    const { state } = applyAll(EMPTY_CACHE, makeHistory(4));
    const merged = mergeSummaries(state, [
      makeSummary({ lastSeq: 3 }),
      makeSummary({ id: OTHER_CONVERSATION_ID, lastSeq: 7 }),
    ]);
    expect(merged.reload).toEqual([]);
    expect(merged.state.conversations.get(CONVERSATION_ID)?.summary.lastSeq).toBe(4);
    expect(merged.state.conversations.get(OTHER_CONVERSATION_ID)?.summary.lastSeq).toBe(7);
  });

  it('reloads a held conversation that the list shows ahead (events were missed)', () => {
    const { state } = applyAll(EMPTY_CACHE, makeHistory(2));
    const merged = mergeSummaries(state, [makeSummary({ lastSeq: 5 })]);
    expect(merged.reload).toEqual([CONVERSATION_ID]);
    expect(seqsOf(merged.state)).toEqual([1, 2]);
  });

  it('replaces a summary that is behind when no events are held', () => {
    const listed = mergeSummaries(EMPTY_CACHE, [makeSummary({ lastSeq: 2 })]).state;
    const merged = mergeSummaries(listed, [makeSummary({ lastSeq: 5, status: 'resolved' })]);
    expect(merged.reload).toEqual([]);
    expect(merged.state.conversations.get(CONVERSATION_ID)?.summary.status).toBe('resolved');
  });
});

describe('applyChangedSummaries', () => {
  const held = applyDetail(EMPTY_CACHE, makeDetail(makeHistory(3))).state;
  const newer = makeSummary({ lastSeq: 6, updatedAt: atSecond(9) });

  it('adds unknown conversations and replaces summaries that are behind, never ones that are ahead', () => {
    const other = makeSummary({ id: OTHER_CONVERSATION_ID, lastSeq: 4 });
    const added = applyChangedSummaries(EMPTY_CACHE, [other], () => false);
    expect(added.state.conversations.get(OTHER_CONVERSATION_ID)).toEqual({
      summary: other,
      events: null,
      hasMore: false,
    });
    const older = applyChangedSummaries(added.state, [{ ...other, lastSeq: 2 }], () => false);
    expect(older.state).toBe(added.state);
  });

  it('leaves a held conversation the socket follows to its events', () => {
    const update = applyChangedSummaries(held, [newer], () => true);
    expect(update).toEqual({ state: held, reload: [] });
  });

  it('reloads a held conversation the socket does not follow', () => {
    const update = applyChangedSummaries(held, [newer], () => false);
    expect(update.reload).toEqual([CONVERSATION_ID]);
    expect(update.state.reloading.has(CONVERSATION_ID)).toBe(true);
  });
});

describe('applyAppended', () => {
  const listed = applyChangedSummaries(EMPTY_CACHE, [makeSummary({ lastSeq: 4, updatedAt: atSecond(4) })], () => false);
  const reply = { body: 'Any news?', senderType: 'visitor' as const, createdAt: atSecond(7) };

  it('moves a listed summary on by what the messages changed, from at most one seq behind', () => {
    const changes = [{ id: CONVERSATION_ID, fromSeq: 5, lastSeq: 6, lastMessage: reply, updatedAt: atSecond(7) }];
    const update = applyAppended(listed.state, changes, () => false);
    expect(update.reload).toEqual([]);
    expect(update.state.conversations.get(CONVERSATION_ID)?.summary).toEqual(
      makeSummary({ lastSeq: 6, updatedAt: atSecond(7), lastMessage: reply }),
    );
  });

  it('keeps the preview when the messages were all internal notes', () => {
    const update = applyAppended(
      listed.state,
      [{ id: CONVERSATION_ID, fromSeq: 5, lastSeq: 5, updatedAt: atSecond(8) }],
      () => false,
    );
    const summary = update.state.conversations.get(CONVERSATION_ID)?.summary;
    expect(summary).toEqual(makeSummary({ lastSeq: 5, updatedAt: atSecond(8) }));
  });

  it('ignores a change after a gap, an old one and an unknown conversation: the whole summary follows', () => {
    const gap = { id: CONVERSATION_ID, fromSeq: 6, lastSeq: 6, lastMessage: reply, updatedAt: atSecond(7) };
    const old = { id: CONVERSATION_ID, fromSeq: 3, lastSeq: 4, lastMessage: reply, updatedAt: atSecond(7) };
    const unknown = { ...gap, id: OTHER_CONVERSATION_ID, fromSeq: 1 };
    expect(applyAppended(listed.state, [gap, old, unknown], () => false)).toEqual({ state: listed.state, reload: [] });
  });

  it('leaves a held conversation the socket follows to its events, and reloads one it does not', () => {
    const held = applyDetail(EMPTY_CACHE, makeDetail(makeHistory(3))).state;
    const change = { id: CONVERSATION_ID, fromSeq: 9, lastSeq: 9, lastMessage: reply, updatedAt: atSecond(9) };
    expect(applyAppended(held, [change], () => true)).toEqual({ state: held, reload: [] });
    const update = applyAppended(held, [change], () => false);
    expect(update.reload).toEqual([CONVERSATION_ID]);
    expect(update.state.reloading.has(CONVERSATION_ID)).toBe(true);
  });
});

describe('selectors', () => {
  it('lists by recency and filters by status', () => {
    const state = mergeSummaries(EMPTY_CACHE, [
      makeSummary({ id: CONVERSATION_ID, updatedAt: atSecond(1) }),
      makeSummary({ id: OTHER_CONVERSATION_ID, updatedAt: atSecond(2), status: 'resolved' }),
    ]).state;
    expect(selectConversations(state, 'all').map((s) => s.id)).toEqual([OTHER_CONVERSATION_ID, CONVERSATION_ID]);
    expect(selectConversations(state, 'open').map((s) => s.id)).toEqual([CONVERSATION_ID]);
    expect(selectConversations(state, 'resolved').map((s) => s.id)).toEqual([OTHER_CONVERSATION_ID]);
  });

  it('moves a conversation to the top when a message arrives', () => {
    let state = applyAll(EMPTY_CACHE, [makeCreated(CONVERSATION_ID), makeCreated(OTHER_CONVERSATION_ID)]).state;
    state = mergeSummaries(state, []).state;
    const message = makeMessageEvent(2, { conversationId: CONVERSATION_ID, createdAt: atSecond(30) });
    const withAt = { ...message, data: { ...message.data, at: atSecond(30) } } as ConversationEvent;
    state = applyEvent(state, withAt).state;
    expect(selectConversations(state, 'open')[0]?.id).toBe(CONVERSATION_ID);
  });

  it('resumes only conversations whose events are held', () => {
    let state = applyAll(EMPTY_CACHE, makeHistory(3)).state;
    state = mergeSummaries(state, [makeSummary({ id: OTHER_CONVERSATION_ID, lastSeq: 9 })]).state;
    expect(selectResume(state)).toEqual([{ conversationId: CONVERSATION_ID, lastSeq: 3 }]);
  });

  it('finds a message by clientId', () => {
    const state = applyAll(EMPTY_CACHE, [makeCreated(), makeMessageEvent(2, { clientId: 'abcdefgh1' })]).state;
    expect(hasMessageWithClientId(state, CONVERSATION_ID, 'abcdefgh1')).toBe(true);
    expect(hasMessageWithClientId(state, CONVERSATION_ID, 'other-id-1')).toBe(false);
  });
});
