import type { SearchHit, SearchResult } from '@parley/api/protocol';
import { isApiError } from '../api/http.ts';

// The results of the search the page shows, as a reducer. Every answer names the search it answers
// (its key): an answer for any other search than the current one is dropped, so a slow old answer
// can never replace a newer one, even if cancelling it came too late.

export type SearchProblemKind = 'invalid' | 'rate_limited' | 'failed';

export interface SearchProblem {
  readonly kind: SearchProblemKind;
  readonly message: string;
}

export interface SearchResultsState {
  /** The search being shown or loaded; null before the first search (or after the words were cleared). */
  readonly key: string | null;
  readonly status: 'idle' | 'loading' | 'loaded' | 'error';
  /** Hits best first; while a new search loads, the previous search's hits stay (see `hitsKey`). */
  readonly hits: readonly SearchHit[];
  /** The search `hits` belong to. */
  readonly hitsKey: string | null;
  /** How many hits the api gave so far: the next page's offset (duplicates dropped from `hits` count too). */
  readonly offset: number;
  readonly hasMore: boolean;
  readonly problem: SearchProblem | null;
  /** The "Load more" request. */
  readonly more: 'idle' | 'loading' | 'error';
}

export type SearchResultsAction =
  | { type: 'cleared' }
  | { type: 'started'; key: string }
  | { type: 'loaded'; key: string; result: SearchResult }
  | { type: 'failed'; key: string; problem: SearchProblem }
  | { type: 'more_started'; key: string }
  | { type: 'more_loaded'; key: string; offset: number; result: SearchResult }
  | { type: 'more_failed'; key: string };

export const INITIAL_RESULTS: SearchResultsState = {
  key: null,
  status: 'idle',
  hits: [],
  hitsKey: null,
  offset: 0,
  hasMore: false,
  problem: null,
  more: 'idle',
};

export function reduceSearchResults(state: SearchResultsState, action: SearchResultsAction): SearchResultsState {
  switch (action.type) {
    case 'cleared':
      return state.key === null && state.hits.length === 0 ? state : INITIAL_RESULTS;
    case 'started':
      return { ...state, key: action.key, status: 'loading', problem: null, more: 'idle' };
    case 'loaded':
      if (action.key !== state.key) return state;
      return {
        ...state,
        status: 'loaded',
        hits: mergeHits([], action.result.hits),
        hitsKey: action.key,
        offset: action.result.hits.length,
        hasMore: action.result.hasMore,
        problem: null,
        more: 'idle',
      };
    case 'failed':
      if (action.key !== state.key) return state;
      return { ...state, status: 'error', hits: [], hitsKey: null, offset: 0, hasMore: false, problem: action.problem };
    case 'more_started':
      if (!isShowing(state, action.key) || !state.hasMore) return state;
      return { ...state, more: 'loading' };
    case 'more_loaded':
      // A page asked for at another offset (the list was reloaded meanwhile) would leave a gap or repeat.
      if (!isShowing(state, action.key) || action.offset !== state.offset) return state;
      return {
        ...state,
        hits: mergeHits(state.hits, action.result.hits),
        offset: state.offset + action.result.hits.length,
        hasMore: action.result.hasMore,
        more: 'idle',
      };
    case 'more_failed':
      if (!isShowing(state, action.key)) return state;
      return { ...state, more: 'error' };
  }
}

/**
 * The hits of every page loaded so far, in the api's order (best match first). Pages are read by offset,
 * so a message that moved up while the agent read the first page (new messages arrived) can come again:
 * it is shown once, where it was first shown.
 */
export function mergeHits(shown: readonly SearchHit[], page: readonly SearchHit[]): SearchHit[] {
  const seen = new Set(shown.map((hit) => hit.messageId));
  const merged = [...shown];
  for (const hit of page) {
    if (seen.has(hit.messageId)) continue;
    seen.add(hit.messageId);
    merged.push(hit);
  }
  return merged;
}

/** Whether the list shows the previous search's hits while the current one loads. */
export function isShowingStaleHits(state: SearchResultsState): boolean {
  return state.status === 'loading' && state.hits.length > 0 && state.hitsKey !== state.key;
}

/** "1 message", "20 messages", "20+ messages" (more pages to load). */
export function describeHitCount(state: Pick<SearchResultsState, 'hits' | 'hasMore'>): string {
  const count = state.hits.length;
  const noun = count === 1 ? 'message' : 'messages';
  return `${count}${state.hasMore ? '+' : ''} ${noun}`;
}

/** What to tell the agent about a failed search. */
export function describeSearchError(error: unknown): SearchProblem {
  if (isApiError(error) && error.status === 400) {
    return {
      kind: 'invalid',
      message: 'The search could not be read. Use at most 200 characters, and check the filters.',
    };
  }
  if (isApiError(error, 'rate/limited')) {
    return {
      kind: 'rate_limited',
      message: 'That was a lot of searches in a short time. Wait a moment, then try again.',
    };
  }
  if (isApiError(error)) return { kind: 'failed', message: error.message };
  return { kind: 'failed', message: 'Something went wrong while searching. Try again.' };
}

function isShowing(state: SearchResultsState, key: string): boolean {
  return state.key === key && state.status === 'loaded';
}
