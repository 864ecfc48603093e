import { useState } from 'react';
import { describeSaveError } from './save-footer.tsx';

/** The state of "Delete …?" in a ConfirmDialog: what is asked about, whether it is deleting, what failed. */
export function useDeleteWithConfirm<T>(remove: (target: T) => Promise<void>) {
  const [target, setTarget] = useState<T | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  return {
    target,
    isBusy,
    error,
    ask(next: T) {
      setError(null);
      setTarget(next);
    },
    cancel() {
      if (!isBusy) setTarget(null);
    },
    async confirm() {
      if (target === null) return;
      setIsBusy(true);
      setError(null);
      try {
        await remove(target);
        setTarget(null);
      } catch (caught) {
        setError(describeSaveError(caught));
      } finally {
        setIsBusy(false);
      }
    },
  };
}
