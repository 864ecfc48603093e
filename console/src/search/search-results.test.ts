import type { SearchHit, SearchResult } from '@parley/api/protocol';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http.ts';
import {
  describeHitCount,
  describeSearchError,
  INITIAL_RESULTS,
  isShowingStaleHits,
  mergeHits,
  reduceSearchResults,
  type SearchResultsAction,
  type SearchResultsState,
} from './search-results.ts';

function hit(n: number): SearchHit {
  const id = `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
  return {
    messageId: id,
    conversationId: '0190a000-0000-7000-8000-000000000001',
    seq: n,
    at: new Date(Date.UTC(2025, 0, 1, 12, 0, n)).toISOString(),
    sender: { type: 'visitor', name: null },
    snippet: [{ text: `message ${n}`, isMatch: false }],
    conversation: {
      status: 'open',
      inboxId: '0190a000-0000-7000-8000-0000000000cc',
      assigneeId: null,
      visitorId: '0190a000-0000-7000-8000-0000000000dd',
      visitorName: null,
      visitorEmail: null,
    },
  };
}

function result(numbers: number[], hasMore = false): SearchResult {
  return { hits: numbers.map(hit), hasMore };
}

function run(actions: SearchResultsAction[], from: SearchResultsState = INITIAL_RESULTS): SearchResultsState {
  return actions.reduce(reduceSearchResults, from);
}

const ids = (state: SearchResultsState) => state.hits.map((h) => h.seq);

describe('reduceSearchResults', () => {
  it('shows the answer to the search it started', () => {
    const state = run([
      { type: 'started', key: 'q=chain' },
      { type: 'loaded', key: 'q=chain', result: result([3, 1, 2], true) },
    ]);
    expect(state).toMatchObject({ key: 'q=chain', status: 'loaded', hitsKey: 'q=chain', offset: 3, hasMore: true });
    expect(ids(state)).toEqual([3, 1, 2]);
  });

  it('drops an old answer that arrives after a newer search started, whatever the order of arrival', () => {
    const newerFirst = run([
      { type: 'started', key: 'q=c' },
      { type: 'started', key: 'q=chain' },
      { type: 'loaded', key: 'q=chain', result: result([7]) },
      { type: 'loaded', key: 'q=c', result: result([1, 2, 3]) },
      { type: 'failed', key: 'q=c', problem: { kind: 'failed', message: 'late' } },
    ]);
    expect(newerFirst.status).toBe('loaded');
    expect(ids(newerFirst)).toEqual([7]);

    const olderFirst = run([
      { type: 'started', key: 'q=c' },
      { type: 'started', key: 'q=chain' },
      { type: 'loaded', key: 'q=c', result: result([1, 2, 3]) },
    ]);
    expect(olderFirst.status).toBe('loading');
    expect(olderFirst.hits).toEqual([]);
  });

  it('keeps the previous hits on screen, marked stale, while the next search loads', () => {
    const state = run([
      { type: 'started', key: 'q=chain' },
      { type: 'loaded', key: 'q=chain', result: result([1, 2]) },
      { type: 'started', key: 'q=chain+ring' },
    ]);
    expect(ids(state)).toEqual([1, 2]);
    expect(isShowingStaleHits(state)).toBe(true);
    const done = reduceSearchResults(state, { type: 'loaded', key: 'q=chain+ring', result: result([]) });
    expect(done.hits).toEqual([]);
    expect(isShowingStaleHits(done)).toBe(false);
  });

  it('a retry of the same search is not stale', () => {
    const state = run([
      { type: 'started', key: 'q=chain' },
      { type: 'loaded', key: 'q=chain', result: result([1]) },
      { type: 'started', key: 'q=chain' },
    ]);
    expect(isShowingStaleHits(state)).toBe(false);
  });

  it('shows a failure with the problem, and forgets the hits', () => {
    const state = run([
      { type: 'started', key: 'q=x' },
      { type: 'failed', key: 'q=x', problem: { kind: 'invalid', message: 'bad' } },
    ]);
    expect(state).toMatchObject({ status: 'error', hits: [], problem: { kind: 'invalid' } });
  });

  it('appends the next page at the offset it asked for, without repeating a hit', () => {
    const loaded = run([
      { type: 'started', key: 'q=a' },
      { type: 'loaded', key: 'q=a', result: result([1, 2], true) },
      { type: 'more_started', key: 'q=a' },
    ]);
    expect(loaded.more).toBe('loading');
    const more = reduceSearchResults(loaded, { type: 'more_loaded', key: 'q=a', offset: 2, result: result([2, 3]) });
    expect(ids(more)).toEqual([1, 2, 3]);
    expect(more).toMatchObject({ offset: 4, hasMore: false, more: 'idle' });
  });

  it('ignores a page for another search, for another offset, or when there is nothing more', () => {
    const loaded = run([
      { type: 'started', key: 'q=a' },
      { type: 'loaded', key: 'q=a', result: result([1, 2], true) },
    ]);
    expect(reduceSearchResults(loaded, { type: 'more_loaded', key: 'q=b', offset: 2, result: result([9]) })).toBe(
      loaded,
    );
    expect(reduceSearchResults(loaded, { type: 'more_loaded', key: 'q=a', offset: 0, result: result([9]) })).toBe(
      loaded,
    );
    const done = run([{ type: 'loaded', key: 'q=a', result: result([1]) }], loaded);
    expect(reduceSearchResults(done, { type: 'more_started', key: 'q=a' })).toBe(done);
  });

  it('a failed page keeps what is shown and offers to try again', () => {
    const state = run([
      { type: 'started', key: 'q=a' },
      { type: 'loaded', key: 'q=a', result: result([1], true) },
      { type: 'more_started', key: 'q=a' },
      { type: 'more_failed', key: 'q=a' },
    ]);
    expect(state).toMatchObject({ status: 'loaded', more: 'error', hasMore: true });
    expect(ids(state)).toEqual([1]);
  });

  it('clearing the words goes back to the start', () => {
    const state = run([
      { type: 'started', key: 'q=a' },
      { type: 'loaded', key: 'q=a', result: result([1]) },
      { type: 'cleared' },
    ]);
    expect(state).toEqual(INITIAL_RESULTS);
    expect(reduceSearchResults(INITIAL_RESULTS, { type: 'cleared' })).toBe(INITIAL_RESULTS);
  });
});

describe('mergeHits', () => {
  it('keeps the order of the pages and the first place of a repeated hit', () => {
    expect(mergeHits([hit(5), hit(1)], [hit(1), hit(4), hit(4), hit(2)]).map((h) => h.seq)).toEqual([5, 1, 4, 2]);
  });
});

describe('describing results', () => {
  it('counts what is shown, with a plus while more can be loaded', () => {
    expect(describeHitCount({ hits: [hit(1)], hasMore: false })).toBe('1 message');
    expect(describeHitCount({ hits: [hit(1), hit(2)], hasMore: true })).toBe('2+ messages');
    expect(describeHitCount({ hits: [], hasMore: false })).toBe('0 messages');
  });

  it('tells a query the api refused apart from a failure', () => {
    expect(describeSearchError(new ApiError(400, 'request/invalid', 'querystring/q must NOT have more')).kind).toBe(
      'invalid',
    );
    expect(describeSearchError(new ApiError(429, 'rate/limited', 'slow down')).kind).toBe('rate_limited');
    expect(describeSearchError(new ApiError(0, 'network/failed', 'Could not reach the server.'))).toEqual({
      kind: 'failed',
      message: 'Could not reach the server.',
    });
    expect(describeSearchError(new Error('boom')).kind).toBe('failed');
  });
});
