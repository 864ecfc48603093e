import type { ConversationEvent } from '@parley/api/protocol';

// Opening a conversation at a message (`/conversations/:id?at=<seq>`, from search): the history is
// held newest first and read backwards by seq, so older pages are loaded until the seq is among them.

/** The largest page the api gives (`GET /v1/conversations/:id?beforeSeq&limit`, limit ≤ 500). */
export const MAX_PAGE_SIZE = 500;
/** Read a little more than needed, so the message is not the very first row shown. */
const CONTEXT_ABOVE = 20;

export type JumpPlan =
  /** The newest page is still loading. */
  | { kind: 'wait' }
  | { kind: 'present' }
  /** Load `limit` events before `beforeSeq`. */
  | { kind: 'load_older'; beforeSeq: number; limit: number }
  /** Not in this conversation (a seq past its end, or older than its start). */
  | { kind: 'missing' };

/** `?at=` as a seq, or null when absent or not a positive integer. */
export function parseAtSeq(value: string | null): number | null {
  if (value === null || !/^\d{1,10}$/.test(value)) return null;
  const seq = Number(value);
  return seq >= 1 && Number.isSafeInteger(seq) ? seq : null;
}

/** What to do to show `targetSeq`, given the held contiguous events (null: not loaded yet). */
export function planJump(events: readonly ConversationEvent[] | null, hasMore: boolean, targetSeq: number): JumpPlan {
  if (events === null) return { kind: 'wait' };
  const first = events[0]?.data.seq;
  const last = events.at(-1)?.data.seq;
  if (first === undefined || last === undefined) return { kind: 'missing' };
  if (targetSeq > last) return { kind: 'missing' };
  if (targetSeq >= first) return { kind: 'present' };
  if (!hasMore) return { kind: 'missing' };
  const limit = Math.min(MAX_PAGE_SIZE, first - targetSeq + CONTEXT_ABOVE);
  return { kind: 'load_older', beforeSeq: first, limit };
}
