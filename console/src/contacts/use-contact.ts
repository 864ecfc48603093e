import type { ContactDetail } from '@parley/api/protocol';
import { useCallback, useEffect, useState } from 'react';
import { isAbortError, isApiError } from '../api/http.ts';
import { fetchContact } from './contact-endpoints.ts';

export type ContactState =
  | { status: 'loading' }
  | { status: 'loaded'; contact: ContactDetail }
  | { status: 'missing' }
  | { status: 'error'; message: string };

/** One contact by id; `replace` takes a fresher copy (the answer of an edit or a merge). */
export function useContact(id: string) {
  const [state, setState] = useState<ContactState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    void attempt;
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchContact(id, controller.signal).then(
      (contact) => setState({ status: 'loaded', contact }),
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        if (isApiError(error) && (error.status === 404 || error.status === 400)) setState({ status: 'missing' });
        else
          setState({
            status: 'error',
            message: error instanceof Error ? error.message : 'Could not load the contact.',
          });
      },
    );
    return () => controller.abort();
  }, [id, attempt]);

  const replace = useCallback((contact: ContactDetail) => setState({ status: 'loaded', contact }), []);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { state, replace, retry };
}
