import type { Participant } from '@parley/api/protocol';
import { useEffect, useState } from 'react';
import { isAbortError } from '../api/http.ts';
import { useConsoleStore } from '../realtime/console-store-context.tsx';
import { getParticipants } from './participants-api.ts';

export type ParticipantsState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; participants: Participant[] };

/** A conversation's participants: read over REST, kept live by conversation.participants_changed. */
export function useParticipants(conversationId: string) {
  const store = useConsoleStore();
  const [state, setState] = useState<ParticipantsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((current) => (current.status === 'ready' && attempt > 0 ? current : { status: 'loading' }));
    getParticipants(conversationId, controller.signal)
      .then(({ participants }) => setState({ status: 'ready', participants }))
      .catch((error) => {
        if (!isAbortError(error)) setState({ status: 'error' });
      });
    return () => controller.abort();
  }, [conversationId, attempt]);

  useEffect(
    () =>
      store.onFrame((frame) => {
        if (frame.type === 'conversation.participants_changed' && frame.data.conversationId === conversationId)
          setState({ status: 'ready', participants: frame.data.participants });
        // Changes made while offline: read again once the socket is back.
        if (frame.type === 'session.ready') setAttempt((count) => count + 1);
      }),
    [store, conversationId],
  );

  return {
    state,
    set: (participants: Participant[]) => setState({ status: 'ready', participants }),
    retry: () => setAttempt((n) => n + 1),
  };
}
