import { useEffect, useRef, useState } from 'react';
import { useConsoleSnapshot, useConsoleStore } from '../realtime/console-store-context.tsx';
import { planJump } from './jump-to-seq.ts';

/** none: no `?at=`; waiting: for the newest page; loading: reading older pages; present: the timeline can show it. */
export type JumpState = 'none' | 'waiting' | 'loading' | 'present' | 'missing' | 'failed';

/**
 * Opening a conversation at a seq: loads older pages (sized to reach it, at most 500 events each) until
 * the seq is held. A page that fails, or that does not get closer, stops it ('failed'; retry() goes on).
 */
export function useJumpToSeq(conversationId: string, targetSeq: number | null): { state: JumpState; retry(): void } {
  const store = useConsoleStore();
  const { cache, loadingOlder } = useConsoleSnapshot();
  const entry = cache.conversations.get(conversationId);
  const plan = targetSeq === null ? null : planJump(entry?.events ?? null, entry?.hasMore ?? false, targetSeq);
  const isBusy = loadingOlder.has(conversationId);
  const jumpKey = `${conversationId}@${targetSeq}`;
  const [failedKey, setFailedKey] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const isInFlight = useRef(false);
  const isFailed = failedKey === jumpKey;
  const beforeSeq = plan?.kind === 'load_older' ? plan.beforeSeq : null;
  const limit = plan?.kind === 'load_older' ? plan.limit : null;

  useEffect(() => {
    void attempt; // rerun after each page, whether or not the store changed
    if (beforeSeq === null || limit === null || isBusy || isFailed || isInFlight.current) return;
    isInFlight.current = true;
    void store.loadOlder(conversationId, limit).then((isRead) => {
      isInFlight.current = false;
      const firstSeq = store.getSnapshot().cache.conversations.get(conversationId)?.events?.[0]?.data.seq;
      if (!isRead || firstSeq === beforeSeq) setFailedKey(jumpKey);
      setAttempt((count) => count + 1);
    });
  }, [store, conversationId, beforeSeq, limit, isBusy, isFailed, jumpKey, attempt]);

  let state: JumpState;
  if (plan === null) state = 'none';
  else if (plan.kind === 'load_older') state = isFailed ? 'failed' : 'loading';
  else if (plan.kind === 'wait') state = 'waiting';
  else state = plan.kind;
  return { state, retry: () => setFailedKey(null) };
}
