import type { ConversationEvent, ConversationSummary, Message } from '@parley/api/protocol';

/** What a conversation shows, one entry per event worth drawing, in seq order. */
export type ConversationEntry =
  | { kind: 'message'; seq: number; message: Message }
  | { kind: 'assigned'; seq: number; name: string }
  | { kind: 'resolved'; seq: number }
  | { kind: 'reopened'; seq: number };

export interface ConversationView {
  summary: ConversationSummary;
  /** The highest seq applied: everything up to it is held, contiguously. */
  lastSeq: number;
  entries: ConversationEntry[];
}

/**
 * applied: the event was the next one and is now shown.
 * duplicate: already held (seq <= last); ignored.
 * gap: events are missing before it (or the conversation is unknown); reload over REST.
 */
export type ApplyResult = 'applied' | 'duplicate' | 'gap';

/** Where a waiting conversation stands in its inbox's queue (the latest `queue.position` frame). */
export interface QueuePlace {
  conversationId: string;
  position: number;
  estimatedWaitSeconds: number | null;
}

export interface ResumeEntry {
  conversationId: string;
  lastSeq: number;
}

/** The server accepts at most this many conversations in a hello. */
const MAX_RESUME = 200;

function toEntry(event: ConversationEvent): ConversationEntry | null {
  switch (event.type) {
    case 'message.created':
      return { kind: 'message', seq: event.data.seq, message: event.data.message };
    case 'conversation.assigned':
      return { kind: 'assigned', seq: event.data.seq, name: event.data.assignee.name };
    case 'conversation.resolved':
      return { kind: 'resolved', seq: event.data.seq };
    case 'conversation.reopened':
      return { kind: 'reopened', seq: event.data.seq };
    default:
      return null;
  }
}

function updateSummary(summary: ConversationSummary, event: ConversationEvent): ConversationSummary {
  const next = { ...summary, lastSeq: event.data.seq, updatedAt: event.data.at };
  switch (event.type) {
    case 'conversation.created':
      return { ...event.data.conversation, lastSeq: event.data.seq };
    case 'conversation.assigned':
      return { ...next, assignee: event.data.assignee };
    case 'conversation.unassigned':
      return { ...next, assignee: null };
    case 'conversation.resolved':
      return { ...next, status: 'resolved' };
    case 'conversation.reopened':
      return { ...next, status: 'open' };
    case 'conversation.rated':
      return next;
    case 'conversation.status_changed':
      return { ...next, status: event.data.status };
    case 'conversation.priority_changed':
    case 'conversation.team_changed':
      return next;
    case 'conversation.seq_skipped':
      // An internal note's seq: nothing to show, nothing changed that the visitor sees.
      return { ...summary, lastSeq: event.data.seq };
    case 'message.created': {
      const { message } = event.data;
      return {
        ...next,
        lastMessage: { body: message.body, senderType: message.sender.type, createdAt: message.createdAt },
      };
    }
  }
}

/**
 * The conversations this visitor holds, applied strictly by seq, plus messages the server has
 * acknowledged whose message.created event has not arrived yet (so an ack can replace a pending
 * send at once, and the event later replaces the ack without showing the message twice).
 */
export class ConversationStore {
  readonly #conversations = new Map<string, ConversationView>();
  readonly #acked = new Map<string, Message>();
  /** The latest queue place per conversation; dropped once it is assigned, unassigned or resolved. */
  readonly #queue = new Map<string, QueuePlace>();

  /** Replaces a conversation with a page of its newest events (from REST or the session). */
  load(summary: ConversationSummary, events: readonly ConversationEvent[]): void {
    const sorted = [...events].sort((a, b) => a.data.seq - b.data.seq);
    const entries: ConversationEntry[] = [];
    let lastSeq = 0;
    for (const event of sorted) {
      if (event.data.conversationId !== summary.id || event.data.seq <= lastSeq) continue;
      const entry = toEntry(event);
      if (entry) entries.push(entry);
      lastSeq = event.data.seq;
    }
    if (sorted.length === 0) lastSeq = summary.lastSeq;
    this.#conversations.set(summary.id, { summary: { ...summary, lastSeq }, lastSeq, entries });
    if (summary.assignee !== null || summary.status !== 'open') this.#queue.delete(summary.id);
    this.#dropAppliedAcks();
  }

  apply(event: ConversationEvent): ApplyResult {
    const { conversationId, seq } = event.data;
    const current = this.#conversations.get(conversationId);
    if (!current) {
      if (event.type !== 'conversation.created' || seq !== 1) return 'gap';
      this.#conversations.set(conversationId, {
        summary: { ...event.data.conversation, lastSeq: 1 },
        lastSeq: 1,
        entries: [],
      });
      return 'applied';
    }
    if (seq <= current.lastSeq) return 'duplicate';
    if (seq !== current.lastSeq + 1) return 'gap';
    const entry = toEntry(event);
    this.#conversations.set(conversationId, {
      summary: updateSummary(current.summary, event),
      lastSeq: seq,
      entries: entry ? [...current.entries, entry] : current.entries,
    });
    if (event.type === 'message.created') this.#dropAppliedAcks();
    // The place in line is over (or starts again: new positions follow an unassignment).
    if (event.type !== 'message.created' && event.type !== 'conversation.reopened') this.#queue.delete(conversationId);
    return 'applied';
  }

  /** Remembers an acknowledged message until its message.created event is applied. */
  addAcked(message: Message): void {
    const conversation = this.#conversations.get(message.conversationId);
    if (conversation && message.seq <= conversation.lastSeq) return;
    if (message.clientId) this.#acked.set(message.clientId, message);
  }

  /** Keeps the newest place in line (it may come before the conversation's first events). */
  setQueuePlace(place: QueuePlace): void {
    const { conversationId, position, estimatedWaitSeconds } = place;
    this.#queue.set(conversationId, { conversationId, position, estimatedWaitSeconds });
  }

  /** The conversation's place in line while it is open and waits for an agent, else null. */
  getQueuePlace(conversationId: string): QueuePlace | null {
    const place = this.#queue.get(conversationId);
    const summary = this.#conversations.get(conversationId)?.summary;
    if (!place || !summary || summary.status !== 'open' || summary.assignee !== null) return null;
    return place;
  }

  has(conversationId: string): boolean {
    return this.#conversations.has(conversationId);
  }

  getLastSeq(conversationId: string): number | null {
    return this.#conversations.get(conversationId)?.lastSeq ?? null;
  }

  /** Whether the server has stored a message with this clientId, as far as this store knows. */
  hasClientId(clientId: string): boolean {
    if (this.#acked.has(clientId)) return true;
    for (const conversation of this.#conversations.values()) {
      for (const entry of conversation.entries) {
        if (entry.kind === 'message' && entry.message.clientId === clientId) return true;
      }
    }
    return false;
  }

  /** The conversation a visitor's next message belongs in, if one is open. */
  getOpenConversationId(): string | null {
    const open = this.listConversations().filter((view) => view.summary.status === 'open');
    return open.at(-1)?.summary.id ?? null;
  }

  /** What to put in hello.resume: the newest conversations first served, at most 200. */
  getResume(): ResumeEntry[] {
    return this.listConversations()
      .slice(-MAX_RESUME)
      .map((view) => ({ conversationId: view.summary.id, lastSeq: view.lastSeq }));
  }

  /** Conversations, oldest first. */
  listConversations(): ConversationView[] {
    return [...this.#conversations.values()].sort((a, b) =>
      a.summary.createdAt < b.summary.createdAt ? -1 : a.summary.createdAt > b.summary.createdAt ? 1 : 0,
    );
  }

  /** Acknowledged messages not yet applied through their event, in seq order. */
  listAcked(): Message[] {
    return [...this.#acked.values()].sort((a, b) => a.seq - b.seq);
  }

  clear(): void {
    this.#conversations.clear();
    this.#acked.clear();
    this.#queue.clear();
  }

  #dropAppliedAcks(): void {
    for (const [clientId, message] of this.#acked) {
      const lastSeq = this.#conversations.get(message.conversationId)?.lastSeq ?? 0;
      if (message.seq <= lastSeq) this.#acked.delete(clientId);
    }
  }
}
