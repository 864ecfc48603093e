import { describe, expect, it } from 'vitest';
import { EMPTY_CACHE, mergeSummaries } from './conversation-cache.ts';
import {
  applyInboxes,
  applyQueue,
  applyQueueSummary,
  EMPTY_QUEUES,
  findQueuePosition,
  needsQueueReload,
  pickInbox,
  type QueueState,
  selectMissingSummaries,
  selectQueuedConversations,
  selectQueueTotals,
  setQueueStatus,
} from './queue-state.ts';
import {
  AGENT,
  atSecond,
  CONVERSATION_ID,
  INBOX_ID,
  makeInbox,
  makeQueue,
  makeSummary,
  OTHER_CONVERSATION_ID,
  OTHER_INBOX_ID,
} from './test-fixtures.ts';

const THIRD_ID = '0190a000-0000-7000-8000-000000000003';

function withInboxes(): QueueState {
  return applyInboxes(EMPTY_QUEUES, [
    makeInbox(),
    makeInbox({ id: OTHER_INBOX_ID, name: 'Shop', routing: { ...makeInbox().routing, mode: 'manual' } }),
  ]);
}

describe('queue state', () => {
  it('names the inboxes, keeps known queues and drops the queues of inboxes that are gone', () => {
    let state = applyQueue(withInboxes(), makeQueue([CONVERSATION_ID]));
    expect(state.inboxes).toEqual([
      { id: INBOX_ID, name: 'Website', routingMode: 'auto' },
      { id: OTHER_INBOX_ID, name: 'Shop', routingMode: 'manual' },
    ]);
    expect(state.byInbox.get(OTHER_INBOX_ID)).toMatchObject({ length: 0, entries: null, status: 'idle' });
    state = applyInboxes(state, [makeInbox({ name: 'Website (renamed)' })]);
    expect(state.byInbox.get(INBOX_ID)?.entries).toHaveLength(1);
    expect(state.byInbox.has(OTHER_INBOX_ID)).toBe(false);
    expect(state.inboxes[0]?.name).toBe('Website (renamed)');
  });

  it('takes a queue read over REST as the whole truth', () => {
    const state = applyQueue(withInboxes(), makeQueue([CONVERSATION_ID, OTHER_CONVERSATION_ID]));
    expect(state.byInbox.get(INBOX_ID)).toEqual({
      inboxId: INBOX_ID,
      length: 2,
      oldestQueuedAt: atSecond(0),
      entries: [
        { id: CONVERSATION_ID, position: 1, queuedAt: atSecond(0) },
        { id: OTHER_CONVERSATION_ID, position: 2, queuedAt: atSecond(1) },
      ],
      status: 'loaded',
    });
  });

  it('applies a summary to the numbers and keeps the order until it is reread', () => {
    let state = applyQueue(withInboxes(), makeQueue([CONVERSATION_ID, OTHER_CONVERSATION_ID]));
    const summary = { inboxId: INBOX_ID, length: 3, oldestQueuedAt: atSecond(0) };
    state = applyQueueSummary(state, summary);
    expect(state.byInbox.get(INBOX_ID)).toMatchObject({ length: 3, status: 'loaded' });
    expect(state.byInbox.get(INBOX_ID)?.entries).toHaveLength(2);
    expect(needsQueueReload(summary)).toBe(true);

    const emptied = { inboxId: INBOX_ID, length: 0, oldestQueuedAt: null };
    state = applyQueueSummary(state, emptied);
    expect(state.byInbox.get(INBOX_ID)).toMatchObject({ length: 0, oldestQueuedAt: null, entries: [] });
    expect(needsQueueReload(emptied)).toBe(false);
  });

  it('accepts a summary for an inbox it has not read yet', () => {
    const state = applyQueueSummary(EMPTY_QUEUES, { inboxId: INBOX_ID, length: 2, oldestQueuedAt: atSecond(4) });
    expect(state.byInbox.get(INBOX_ID)).toMatchObject({ length: 2, entries: null, status: 'idle' });
  });

  it('changes the load status without a new object when nothing changes', () => {
    const state = setQueueStatus(withInboxes(), INBOX_ID, 'loading');
    expect(state.byInbox.get(INBOX_ID)?.status).toBe('loading');
    expect(setQueueStatus(state, INBOX_ID, 'loading')).toBe(state);
  });

  it('totals every inbox, or one, with the longest wait', () => {
    let state = applyQueueSummary(withInboxes(), { inboxId: INBOX_ID, length: 2, oldestQueuedAt: atSecond(30) });
    state = applyQueueSummary(state, { inboxId: OTHER_INBOX_ID, length: 1, oldestQueuedAt: atSecond(10) });
    expect(selectQueueTotals(state)).toEqual({ length: 3, oldestQueuedAt: atSecond(10) });
    expect(selectQueueTotals(state, INBOX_ID)).toEqual({ length: 2, oldestQueuedAt: atSecond(30) });
    expect(selectQueueTotals(EMPTY_QUEUES)).toEqual({ length: 0, oldestQueuedAt: null });
  });

  it('compares waits as times, not as text', () => {
    let state = applyQueueSummary(withInboxes(), {
      inboxId: INBOX_ID,
      length: 1,
      oldestQueuedAt: '2025-01-01T12:00:05Z',
    });
    state = applyQueueSummary(state, {
      inboxId: OTHER_INBOX_ID,
      length: 1,
      oldestQueuedAt: '2025-01-01T12:00:04.500Z',
    });
    expect(selectQueueTotals(state).oldestQueuedAt).toBe('2025-01-01T12:00:04.500Z');
  });
});

describe('queued conversations', () => {
  const queued = applyQueue(withInboxes(), makeQueue([CONVERSATION_ID, OTHER_CONVERSATION_ID, THIRD_ID]));

  it('is null until the order was read', () => {
    expect(selectQueuedConversations(withInboxes(), EMPTY_CACHE, INBOX_ID)).toBeNull();
  });

  it('joins the order with the summaries it holds', () => {
    const cache = mergeSummaries(EMPTY_CACHE, [makeSummary()]).state;
    const rows = selectQueuedConversations(queued, cache, INBOX_ID);
    expect(rows?.map((row) => [row.id, row.position, row.summary?.id ?? null])).toEqual([
      [CONVERSATION_ID, 1, CONVERSATION_ID],
      [OTHER_CONVERSATION_ID, 2, null],
      [THIRD_ID, 3, null],
    ]);
  });

  it('leaves out what live events say was taken or resolved, closing up the places', () => {
    const cache = mergeSummaries(EMPTY_CACHE, [
      makeSummary({ assignee: AGENT }),
      makeSummary({ id: OTHER_CONVERSATION_ID, status: 'resolved' }),
      makeSummary({ id: THIRD_ID }),
    ]).state;
    const rows = selectQueuedConversations(queued, cache, INBOX_ID);
    expect(rows?.map((row) => [row.id, row.position])).toEqual([[THIRD_ID, 1]]);
    expect(findQueuePosition(queued, cache, INBOX_ID, THIRD_ID)?.position).toBe(1);
    expect(findQueuePosition(queued, cache, INBOX_ID, CONVERSATION_ID)).toBeNull();
  });

  it('sorts by position whatever order the entries came in', () => {
    const shuffled = applyQueue(withInboxes(), {
      ...makeQueue([CONVERSATION_ID, OTHER_CONVERSATION_ID]),
      conversations: [
        { id: OTHER_CONVERSATION_ID, position: 2, queuedAt: atSecond(1) },
        { id: CONVERSATION_ID, position: 1, queuedAt: atSecond(0) },
      ],
    });
    expect(selectQueuedConversations(shuffled, EMPTY_CACHE, INBOX_ID)?.map((row) => row.id)).toEqual([
      CONVERSATION_ID,
      OTHER_CONVERSATION_ID,
    ]);
  });

  it('lists the queued conversations whose summaries are missing', () => {
    const cache = mergeSummaries(EMPTY_CACHE, [makeSummary()]).state;
    expect(selectMissingSummaries(queued, cache)).toEqual([OTHER_CONVERSATION_ID, THIRD_ID]);
  });
});

describe('pickInbox', () => {
  it('shows the inbox asked for, the first without one, and nothing for an unknown one', () => {
    const state = withInboxes();
    expect(pickInbox(state, OTHER_INBOX_ID)?.name).toBe('Shop');
    expect(pickInbox(state, undefined)?.id).toBe(INBOX_ID);
    expect(pickInbox(state, 'nope')).toBeNull();
    expect(pickInbox(EMPTY_QUEUES, undefined)).toBeNull();
  });
});
