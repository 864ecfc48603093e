import type { ConversationSummary, Inbox, Queue, QueueFrame } from '@parley/api/protocol';
import type { CacheState } from './conversation-cache.ts';

// The inboxes' queues as the console shows them: the length and the oldest wait come live from
// `queue.summary` frames; the order (which conversations, in which places) is read over REST, since the
// frame carries only the numbers. Pure and immutable, like the conversation cache.

export type QueueLoadState = 'idle' | 'loading' | 'loaded' | 'error';
export type QueueSummaryData = Extract<QueueFrame, { type: 'queue.summary' }>['data'];
export type RoutingMode = Inbox['routing']['mode'];

export interface QueueEntry {
  readonly id: string;
  readonly position: number;
  readonly queuedAt: string | null;
}

/** How one inbox's queue stands: length and oldest wait live from `queue.summary`, the order from REST. */
export interface InboxQueue {
  readonly inboxId: string;
  readonly length: number;
  readonly oldestQueuedAt: string | null;
  /** The waiting conversations in queue order; null until loaded over REST. */
  readonly entries: readonly QueueEntry[] | null;
  readonly status: QueueLoadState;
}

export interface InboxRef {
  readonly id: string;
  readonly name: string;
  readonly routingMode: RoutingMode;
}

export interface QueueState {
  /** Loading the inbox list (the queues are then loaded one by one). */
  readonly status: QueueLoadState;
  readonly inboxes: readonly InboxRef[];
  readonly byInbox: ReadonlyMap<string, InboxQueue>;
}

export const EMPTY_QUEUES: QueueState = { status: 'idle', inboxes: [], byInbox: new Map() };

function emptyQueue(inboxId: string): InboxQueue {
  return { inboxId, length: 0, oldestQueuedAt: null, entries: null, status: 'idle' };
}

function withQueue(state: QueueState, queue: InboxQueue): QueueState {
  const byInbox = new Map(state.byInbox);
  byInbox.set(queue.inboxId, queue);
  return { ...state, byInbox };
}

export function setQueuesStatus(state: QueueState, status: QueueLoadState): QueueState {
  return state.status === status ? state : { ...state, status };
}

/** The workspace's inboxes (names and routing mode for the views); queues of inboxes that are gone are dropped. */
export function applyInboxes(
  state: QueueState,
  inboxes: readonly { id: string; name: string; routing: { mode: RoutingMode } }[],
): QueueState {
  const byInbox = new Map<string, InboxQueue>();
  for (const inbox of inboxes) byInbox.set(inbox.id, state.byInbox.get(inbox.id) ?? emptyQueue(inbox.id));
  return {
    status: 'loaded',
    inboxes: inboxes.map(({ id, name, routing }) => ({ id, name, routingMode: routing.mode })),
    byInbox,
  };
}

export function setQueueStatus(state: QueueState, inboxId: string, status: QueueLoadState): QueueState {
  const current = state.byInbox.get(inboxId) ?? emptyQueue(inboxId);
  if (current.status === status) return state;
  return withQueue(state, { ...current, status });
}

/** A queue read over REST: the whole truth at the time it was read. */
export function applyQueue(state: QueueState, queue: Queue): QueueState {
  return withQueue(state, {
    inboxId: queue.inboxId,
    length: queue.length,
    oldestQueuedAt: queue.oldestQueuedAt,
    entries: queue.conversations.map(({ id, position, queuedAt }) => ({ id, position, queuedAt })),
    status: 'loaded',
  });
}

/**
 * A live `queue.summary`: the length and oldest wait are current at once; the order is reloaded over
 * REST by the store (see `needsQueueReload`). An empty queue needs no reload, so its entries are cleared here.
 */
export function applyQueueSummary(state: QueueState, data: QueueSummaryData): QueueState {
  const current = state.byInbox.get(data.inboxId) ?? emptyQueue(data.inboxId);
  return withQueue(state, {
    ...current,
    length: data.length,
    oldestQueuedAt: data.oldestQueuedAt,
    entries: data.length === 0 ? [] : current.entries,
  });
}

/** Whether the order must be read over REST after a `queue.summary`: only a non-empty queue has one. */
export function needsQueueReload(data: QueueSummaryData): boolean {
  return data.length > 0;
}

export interface QueueTotals {
  readonly length: number;
  readonly oldestQueuedAt: string | null;
}

/** Everyone waiting, across inboxes (or in one), and the longest wait. */
export function selectQueueTotals(state: QueueState, inboxId?: string): QueueTotals {
  let length = 0;
  let oldestQueuedAt: string | null = null;
  for (const queue of state.byInbox.values()) {
    if (inboxId !== undefined && queue.inboxId !== inboxId) continue;
    length += queue.length;
    if (queue.oldestQueuedAt && (oldestQueuedAt === null || isEarlier(queue.oldestQueuedAt, oldestQueuedAt))) {
      oldestQueuedAt = queue.oldestQueuedAt;
    }
  }
  return { length, oldestQueuedAt };
}

export interface QueuedConversation {
  readonly id: string;
  /** 1-based place in its inbox's queue. */
  readonly position: number;
  readonly queuedAt: string | null;
  /** Null while the conversation is not in the cache yet. */
  readonly summary: ConversationSummary | null;
}

/**
 * An inbox's waiting conversations in queue order, joined with their summaries. Conversations the
 * cache already knows to be taken (assigned or resolved by a live event) are left out before the
 * reloaded order arrives, and the positions close up behind them.
 */
export function selectQueuedConversations(
  state: QueueState,
  cache: CacheState,
  inboxId: string,
): QueuedConversation[] | null {
  const entries = state.byInbox.get(inboxId)?.entries;
  if (!entries) return null;
  const waiting: QueuedConversation[] = [];
  for (const entry of [...entries].sort((a, b) => a.position - b.position)) {
    const summary = cache.conversations.get(entry.id)?.summary ?? null;
    if (summary && !isWaiting(summary)) continue;
    waiting.push({ id: entry.id, position: waiting.length + 1, queuedAt: entry.queuedAt, summary });
  }
  return waiting;
}

/** The conversation's place in its inbox's queue, or null when it is not waiting. */
export function findQueuePosition(
  state: QueueState,
  cache: CacheState,
  inboxId: string,
  conversationId: string,
): QueuedConversation | null {
  return selectQueuedConversations(state, cache, inboxId)?.find((entry) => entry.id === conversationId) ?? null;
}

/** Queued conversations whose summary the cache does not hold yet (to be fetched so rows show who waits). */
export function selectMissingSummaries(state: QueueState, cache: CacheState): string[] {
  const missing: string[] = [];
  for (const queue of state.byInbox.values()) {
    for (const entry of queue.entries ?? []) {
      if (!cache.conversations.has(entry.id) && !cache.reloading.has(entry.id)) missing.push(entry.id);
    }
  }
  return missing;
}

/** The inbox a queue view shows: the one asked for if it exists, else the first. */
export function pickInbox(state: QueueState, inboxId: string | undefined): InboxRef | null {
  return state.inboxes.find((inbox) => inbox.id === inboxId) ?? (inboxId ? null : (state.inboxes[0] ?? null));
}

function isWaiting(summary: ConversationSummary): boolean {
  return summary.assignee === null && summary.status === 'open';
}

function isEarlier(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}
