import { describe, expect, it } from 'vitest';
import { EMPTY_CACHE, mergeSummaries } from '../realtime/conversation-cache.ts';
import { AGENT, ME, makeSummary, OTHER_CONVERSATION_ID } from '../realtime/test-fixtures.ts';
import { filterByLabel, parseFilter, selectView, toFilterSearch, toListFilter } from './conversation-filter.ts';

describe('conversation filter', () => {
  it('parses with open as the default', () => {
    expect(parseFilter(null)).toBe('open');
    expect(parseFilter('resolved')).toBe('resolved');
    expect(parseFilter('all')).toBe('all');
    expect(parseFilter('mine')).toBe('mine');
    expect(parseFilter('junk')).toBe('open');
  });

  it('round-trips through the search string', () => {
    for (const filter of ['open', 'mine', 'resolved', 'all'] as const) {
      expect(parseFilter(new URLSearchParams(toFilterSearch(filter)).get('status'))).toBe(filter);
    }
  });

  it('shows under "mine" the open conversations assigned to the agent', () => {
    const THIRD = '0190a000-0000-7000-8000-000000000003';
    const cache = mergeSummaries(EMPTY_CACHE, [
      makeSummary({ assignee: ME }),
      makeSummary({ id: OTHER_CONVERSATION_ID, assignee: AGENT }),
      makeSummary({ id: THIRD, assignee: ME, status: 'resolved' }),
    ]).state;
    expect(toListFilter('mine')).toBe('open');
    expect(selectView(cache, 'mine', ME.id).map((summary) => summary.assignee?.id)).toEqual([ME.id]);
    expect(selectView(cache, 'open', ME.id)).toHaveLength(2);
    expect(selectView(cache, 'all', ME.id)).toHaveLength(3);
  });
});

describe('label filter', () => {
  const LABEL = { id: '0190a000-0000-7000-8000-0000000000aa', name: 'Refund', color: 'red' } as const;

  it('keeps the label in the search string beside the status', () => {
    expect(toFilterSearch('open', LABEL.id)).toBe(`?label=${LABEL.id}`);
    const params = new URLSearchParams(toFilterSearch('resolved', LABEL.id));
    expect([params.get('status'), params.get('label')]).toEqual(['resolved', LABEL.id]);
  });

  it('shows only the conversations known to have the label', () => {
    const conversations = [makeSummary(), makeSummary({ id: OTHER_CONVERSATION_ID })];
    const labels = new Map([[OTHER_CONVERSATION_ID, [LABEL]]]);
    expect(filterByLabel(conversations, LABEL.id, labels).map((summary) => summary.id)).toEqual([
      OTHER_CONVERSATION_ID,
    ]);
    expect(filterByLabel(conversations, null, labels)).toHaveLength(2);
  });
});
