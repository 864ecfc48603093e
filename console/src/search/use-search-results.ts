import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { isAbortError } from '../api/http.ts';
import { searchMessages } from '../api/search-endpoints.ts';
import { parseSearchFilters, toSearchQuery } from './search-filters.ts';
import {
  describeSearchError,
  INITIAL_RESULTS,
  reduceSearchResults,
  type SearchResultsState,
} from './search-results.ts';

export interface SearchResults {
  state: SearchResultsState;
  loadMore(): void;
  retry(): void;
}

/**
 * Runs the search `key` names (`toSearchKey`) whenever it changes: the request for the previous one is
 * cancelled (AbortController), and the reducer drops any answer that is not for the current key anyway.
 * `isEnabled` false (no words, or a filter problem) clears the results.
 */
export function useSearchResults(key: string, isEnabled: boolean): SearchResults {
  const [state, dispatch] = useReducer(reduceSearchResults, INITIAL_RESULTS);
  const [attempt, setAttempt] = useState(0);
  const moreRequest = useRef<AbortController | null>(null);

  useEffect(() => {
    void attempt; // "Try again" runs the same search once more
    moreRequest.current?.abort();
    if (!isEnabled) {
      dispatch({ type: 'cleared' });
      return;
    }
    const controller = new AbortController();
    dispatch({ type: 'started', key });
    const query = toSearchQuery(parseSearchFilters(new URLSearchParams(key)), { offset: 0 });
    searchMessages(query, controller.signal).then(
      (result) => dispatch({ type: 'loaded', key, result }),
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        dispatch({ type: 'failed', key, problem: describeSearchError(error) });
      },
    );
    return () => controller.abort();
  }, [key, isEnabled, attempt]);

  useEffect(() => () => moreRequest.current?.abort(), []);

  const { status, hasMore, more, offset } = state;
  const shownKey = state.key;
  const loadMore = useCallback(() => {
    if (shownKey === null || status !== 'loaded' || !hasMore || more === 'loading') return;
    const controller = new AbortController();
    moreRequest.current?.abort();
    moreRequest.current = controller;
    dispatch({ type: 'more_started', key: shownKey });
    const query = toSearchQuery(parseSearchFilters(new URLSearchParams(shownKey)), { offset });
    searchMessages(query, controller.signal).then(
      (result) => dispatch({ type: 'more_loaded', key: shownKey, offset, result }),
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        dispatch({ type: 'more_failed', key: shownKey });
      },
    );
  }, [shownKey, status, hasMore, more, offset]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { state, loadMore, retry };
}
