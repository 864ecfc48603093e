import type { CannedResponse } from '@parley/api/protocol';
import { useEffect, useState } from 'react';
import { listCannedResponses } from '../api/canned-endpoints.ts';
import { isAbortError } from '../api/http.ts';

const SUGGESTION_LIMIT = 8;
/** Wait this long after a keystroke before asking, so typing "/refund" asks once or twice, not six times. */
const TYPING_PAUSE_MS = 120;

export type CannedSuggestions =
  | { status: 'idle' }
  | { status: 'loading'; items: readonly CannedResponse[] }
  | { status: 'loaded'; items: readonly CannedResponse[] }
  | { status: 'error' };

/** The canned responses matching `query` (null = the picker is closed); a replaced request is cancelled. */
export function useCannedSuggestions(query: string | null, attempt: number): CannedSuggestions {
  const [state, setState] = useState<CannedSuggestions>({ status: 'idle' });

  useEffect(() => {
    if (query === null) {
      setState({ status: 'idle' });
      return;
    }
    // The previous matches stay while the next ones load, so the list does not flicker.
    setState((current) => ({ status: 'loading', items: 'items' in current ? current.items : [] }));
    const controller = new AbortController();
    const timer = setTimeout(() => {
      listCannedResponses({ q: query, limit: SUGGESTION_LIMIT }, { signal: controller.signal }).then(
        ({ cannedResponses }) => setState({ status: 'loaded', items: cannedResponses }),
        (error: unknown) => {
          if (!isAbortError(error)) setState({ status: 'error' });
        },
      );
    }, TYPING_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, attempt]);

  return state;
}
