import type { ConversationSummary } from '@parley/api/protocol';
import { describe, expect, test } from 'vitest';
import { EMPTY_CACHE, mergeSummaries } from '../realtime/conversation-cache.ts';
import { keepVisible, toggleRow } from './bulk-selection.ts';
import {
  applyListOptions,
  countViews,
  matchesView,
  parseListOptions,
  sortByWaitingLongest,
  withListParam,
} from './list-views.ts';
import { parseCustomSnooze, snoozeOptions } from './status-snooze-options.ts';

const ME = '00000000-0000-4000-8000-00000000000a';
const BO = '00000000-0000-4000-8000-00000000000b';
const INBOX = '00000000-0000-4000-8000-0000000000c1';
const OTHER_INBOX = '00000000-0000-4000-8000-0000000000c2';

function summary(
  id: string,
  fields: Partial<ConversationSummary> & { waitingSince?: string } = {},
): ConversationSummary {
  const { waitingSince, ...rest } = fields;
  return {
    id,
    inboxId: INBOX,
    status: 'open',
    priority: 'none',
    snoozedUntil: null,
    assignee: null,
    visitor: { id: `v-${id}`, name: null, email: null },
    lastSeq: 2,
    lastMessage: waitingSince ? { body: 'hi', senderType: 'visitor', createdAt: waitingSince } : null,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    ...rest,
  };
}

const mine = summary('c1', { assignee: { id: ME, name: 'Me' } });
const bos = summary('c2', { assignee: { id: BO, name: 'Bo' }, inboxId: OTHER_INBOX });
const waiting = summary('c3');
const pending = summary('c4', { status: 'pending', assignee: { id: ME, name: 'Me' } });
const snoozed = summary('c5', { status: 'snoozed', snoozedUntil: '2026-12-03T09:00:00.000Z' });
const resolved = summary('c6', { status: 'resolved' });
const all = [mine, bos, waiting, pending, snoozed, resolved];

describe('views', () => {
  test('mine and unassigned are parts of open; pending, snoozed and resolved are statuses', () => {
    const ids = (view: Parameters<typeof matchesView>[1]) =>
      all.filter((s) => matchesView(s, view, ME)).map((s) => s.id);
    expect(ids('open')).toEqual(['c1', 'c2', 'c3']);
    expect(ids('mine')).toEqual(['c1']);
    expect(ids('unassigned')).toEqual(['c3']);
    expect(ids('pending')).toEqual(['c4']);
    expect(ids('snoozed')).toEqual(['c5']);
    expect(ids('resolved')).toEqual(['c6']);
    expect(ids('all')).toHaveLength(6);
  });

  test('counts follow the cache: a status change moves a conversation between counts', () => {
    const cache = mergeSummaries(EMPTY_CACHE, all).state;
    expect(countViews(cache, ME)).toEqual({
      open: 3,
      mine: 1,
      unassigned: 1,
      participating: 0,
      pending: 1,
      snoozed: 1,
      resolved: 1,
      all: 6,
    });
    const later = mergeSummaries(cache, [{ ...waiting, status: 'snoozed', lastSeq: 3 }]).state;
    expect(countViews(later, ME)).toMatchObject({ open: 2, unassigned: 0, snoozed: 2 });
  });
});

describe('options', () => {
  test('inbox and assignee filters, read from and written to the search string', () => {
    const params = new URLSearchParams(`status=all&inbox=${OTHER_INBOX}`);
    expect(applyListOptions(all, parseListOptions(params)).map((s) => s.id)).toEqual(['c2']);
    expect(applyListOptions(all, parseListOptions(new URLSearchParams(`assignee=${ME}`))).map((s) => s.id)).toEqual([
      'c1',
      'c4',
    ]);
    expect(applyListOptions(all, parseListOptions(new URLSearchParams('assignee=none'))).map((s) => s.id)).toEqual([
      'c3',
      'c5',
      'c6',
    ]);
    expect(withListParam(params, 'sort', 'waiting')).toBe(`?status=all&inbox=${OTHER_INBOX}&sort=waiting`);
    expect(withListParam(new URLSearchParams('status=pending&at=4'), 'status', null)).toBe('');
    expect(parseListOptions(new URLSearchParams('sort=junk')).sort).toBe('newest');
  });

  test('waiting longest: oldest visitor message first, then the rest in their order; resolved ones never wait', () => {
    const a = summary('a', { waitingSince: '2026-12-01T10:05:00.000Z' });
    const b = summary('b', { waitingSince: '2026-12-01T09:00:00.000Z' });
    const replied = summary('r', {
      lastMessage: { body: 'ok', senderType: 'agent', createdAt: '2026-12-01T08:00:00.000Z' },
    });
    const done = summary('d', { status: 'resolved', waitingSince: '2026-12-01T07:00:00.000Z' });
    expect(sortByWaitingLongest([replied, a, done, b]).map((s) => s.id)).toEqual(['b', 'a', 'r', 'd']);
  });
});

describe('bulk selection', () => {
  const order = ['a', 'b', 'c', 'd', 'e'];
  test('click toggles one; shift+click selects the range from the last click; rows that left the list drop out', () => {
    let selection = toggleRow({ ids: new Set(), anchorId: null }, order, 'b');
    selection = toggleRow(selection, order, 'd', true);
    expect([...selection.ids].sort()).toEqual(['b', 'c', 'd']);
    selection = toggleRow(selection, order, 'c');
    expect([...selection.ids].sort()).toEqual(['b', 'd']);
    // From the last click (c, now unselected) to a: a, b and c are selected.
    selection = toggleRow(selection, order, 'a', true);
    expect([...selection.ids].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...keepVisible({ ids: new Set(['a', 'z']), anchorId: 'z' }, order).ids]).toEqual(['a']);
  });
});

describe('snooze choices', () => {
  test('in an hour, tomorrow 9:00, next Monday 9:00; a custom time must be in the future', () => {
    const wednesday = new Date(2026, 11, 2, 15, 30);
    const [hour, tomorrow, nextWeek] = snoozeOptions(wednesday);
    expect(hour!.until.getTime() - wednesday.getTime()).toBe(3_600_000);
    expect(tomorrow!.until).toEqual(new Date(2026, 11, 3, 9, 0));
    expect(nextWeek!.until).toEqual(new Date(2026, 11, 7, 9, 0));
    const monday = new Date(2026, 11, 7, 8, 0);
    expect(snoozeOptions(monday)[2]!.until).toEqual(new Date(2026, 11, 14, 9, 0));
    expect(parseCustomSnooze('2026-12-02T15:00', wednesday)).toBeNull();
    expect(parseCustomSnooze('', wednesday)).toBeNull();
    expect(parseCustomSnooze('2026-12-02T16:00', wednesday)).toEqual(new Date(2026, 11, 2, 16, 0));
  });
});
