/**
 * Runs at most one of a kind at a time per key, and folds every request that arrives meanwhile into
 * one more run after it. For work that reads the latest state (a queue pass, "where the queue stands"):
 * a burst of N triggers costs two runs, not N, and the last run still sees the last change.
 */
export interface Coalescer {
  /** Resolves once a run that started after this call has finished. */
  run(key: string, work: () => Promise<void>): Promise<void>;
}

export function createCoalescer(): Coalescer {
  const running = new Map<string, Promise<void>>();
  /** The follow-up run, not started yet; everyone who asks while one runs shares it. */
  const following = new Map<string, Promise<void>>();

  function launch(key: string, work: () => Promise<void>): Promise<void> {
    const run: Promise<void> = work().finally(() => {
      if (running.get(key) === run) running.delete(key);
    });
    running.set(key, run);
    return run;
  }

  return {
    run(key, work) {
      const current = running.get(key);
      if (!current) return launch(key, work);
      let next = following.get(key);
      if (!next) {
        next = current
          .catch(() => {})
          .then(() => {
            following.delete(key);
            return launch(key, work);
          });
        following.set(key, next);
      }
      return next;
    },
  };
}
