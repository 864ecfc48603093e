import { useCallback, useEffect, useReducer, useState } from 'react';
import { isAbortError } from '../api/http.ts';
import { fetchContacts } from './contact-endpoints.ts';
import { INITIAL_CONTACT_LIST, reduceContactList } from './contact-list-state.ts';

export const CONTACTS_PAGE_SIZE = 25;

const describeError = (error: unknown) =>
  error instanceof Error && error.message ? error.message : 'Could not load contacts. Try again.';

/** The contacts matching `q`, page by page; a newer `q` cancels the request of the older one. */
export function useContactList(q: string) {
  const [state, dispatch] = useReducer(reduceContactList, INITIAL_CONTACT_LIST);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    void attempt;
    const controller = new AbortController();
    dispatch({ type: 'started', q });
    fetchContacts({ q, limit: CONTACTS_PAGE_SIZE }, controller.signal).then(
      (page) => dispatch({ type: 'loaded', q, page }),
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        dispatch({ type: 'failed', q, error: describeError(error) });
      },
    );
    return () => controller.abort();
  }, [q, attempt]);

  const { nextCursor, more, status } = state;
  const shownQ = state.q;
  const loadMore = useCallback(() => {
    if (!nextCursor || more === 'loading' || status !== 'loaded') return;
    dispatch({ type: 'more_started', q: shownQ });
    fetchContacts({ q: shownQ, cursor: nextCursor, limit: CONTACTS_PAGE_SIZE }).then(
      (page) => dispatch({ type: 'more_loaded', q: shownQ, page }),
      () => dispatch({ type: 'more_failed', q: shownQ }),
    );
  }, [nextCursor, more, status, shownQ]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { state, loadMore, retry };
}

/** `value` once it has stopped changing for `delayMs`. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
