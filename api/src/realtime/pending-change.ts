import { presentLastMessage } from '../presenters/message-preview.ts';
import type { ConversationAppended } from '../protocol/entities.ts';
import type { ConversationEvent } from '../protocol/events.ts';

/** What one conversation's changes since the last `conversations.changed` did to its summary. */
export interface PendingChange {
  /** Something besides messages changed: only the whole summary, read from the database, says what. */
  needsSummary: boolean;
  /** What the messages changed; absent when no event was heard (a change without a seq). */
  appended?: ConversationAppended;
  /** The seq of `appended.lastMessage`, so an older reply arriving late does not replace a newer one. */
  lastMessageSeq: number;
}

/** Adds one event to what is pending for its conversation (undefined: nothing yet). */
export function recordEvent(pending: PendingChange | undefined, event: ConversationEvent): PendingChange {
  const { conversationId: id, seq, at } = event.data;
  const change = pending ?? { needsSummary: false, lastMessageSeq: 0 };
  change.appended ??= { id, fromSeq: seq, lastSeq: seq, updatedAt: at };
  const { appended } = change;
  appended.fromSeq = Math.min(appended.fromSeq, seq);
  if (seq >= appended.lastSeq) {
    appended.lastSeq = seq;
    appended.updatedAt = at;
  }
  if (event.type !== 'message.created') {
    change.needsSummary = true;
    return change;
  }
  const { message } = event.data;
  // An internal note is never the preview, as in the summaries read from the database.
  if (message.kind !== 'note' && seq > change.lastMessageSeq) {
    change.lastMessageSeq = seq;
    appended.lastMessage = presentLastMessage(message.body, message.sender.type, message.createdAt);
  }
  return change;
}

/** A change without an event (who takes part): the whole summary must go out. */
export function recordSummaryNeeded(pending: PendingChange | undefined): PendingChange {
  if (!pending) return { needsSummary: true, lastMessageSeq: 0 };
  pending.needsSummary = true;
  return pending;
}

/**
 * The conversations whose whole summary went out lately, in two generations of `windowMs` each: one that is
 * in neither gets its whole summary again, so a client that missed an event, or never held the conversation,
 * catches up within two windows, and a field that changes without an event (participants, read receipts,
 * names) is not stale for longer.
 */
export class RecentSummaries {
  #current = new Set<string>();
  #previous = new Set<string>();
  #rotatedAt: number;
  readonly #windowMs: number;

  constructor(windowMs: number, now: number) {
    this.#windowMs = windowMs;
    this.#rotatedAt = now;
  }

  has(conversationId: string, now: number): boolean {
    this.#rotate(now);
    return this.#current.has(conversationId) || this.#previous.has(conversationId);
  }

  add(conversationId: string, now: number): void {
    this.#rotate(now);
    this.#current.add(conversationId);
  }

  #rotate(now: number): void {
    if (now - this.#rotatedAt < this.#windowMs) return;
    // After a quiet spell longer than a window, nothing sent before it counts as recent.
    this.#previous = now - this.#rotatedAt < 2 * this.#windowMs ? this.#current : new Set();
    this.#current = new Set();
    this.#rotatedAt = now;
  }
}
