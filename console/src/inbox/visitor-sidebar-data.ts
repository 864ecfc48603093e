import type { ConversationSummary, VisitorConversationList, VisitorProfile } from '@parley/api/protocol';
import { useCallback, useEffect, useState } from 'react';
import { isAbortError, isApiError, requestJson } from '../api/http.ts';

export type VisitorSidebarState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; profile: VisitorProfile; conversations: ConversationSummary[] };

const visitorPath = (visitorId: string) => `/v1/visitors/${encodeURIComponent(visitorId)}`;

/**
 * The visitor's profile and past conversations, read when the visitor changes and again when `refreshKey`
 * does (another page view, a resolved conversation). A read replaced by a newer one is cancelled.
 */
export function useVisitorSidebarData(visitorId: string, refreshKey: string) {
  const [state, setState] = useState<VisitorSidebarState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);

  // A new visitor starts from loading; a refresh of the same one keeps what is shown meanwhile.
  useEffect(() => setState({ status: 'loading' }), [visitorId]);

  useEffect(() => {
    const controller = new AbortController();
    const options = { signal: controller.signal };
    Promise.all([
      requestJson<VisitorProfile>('GET', visitorPath(visitorId), undefined, options),
      requestJson<VisitorConversationList>('GET', `${visitorPath(visitorId)}/conversations`, undefined, options),
    ]).then(
      ([profile, list]) => setState({ status: 'ready', profile, conversations: list.conversations }),
      (error: unknown) => {
        if (isAbortError(error)) return;
        setState({
          status: 'error',
          message: isApiError(error) ? error.message : 'Could not load the visitor. Try again.',
        });
      },
    );
    return () => controller.abort();
  }, [visitorId, refreshKey, attempt]);

  return { state, retry };
}
