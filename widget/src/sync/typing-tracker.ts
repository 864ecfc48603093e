import type { ConversationSummary, ServerFrame, VisitorFrame } from '@parley/api/protocol';
import type { ConversationStore } from './conversation-store.ts';
import type { TimelineItem } from './timeline.ts';
import type { Timers } from './visitor-connection.ts';

/** As TYPING_LIMITS in the protocol: a typist renews every 3 s, a receiver forgets after 6 s. */
export const TYPING_EXPIRES_MS = 6000;
export const TYPING_RENEW_MS = 3000;
/** The draft has not changed for this long: the visitor stopped typing. */
export const TYPING_IDLE_MS = 4000;

export interface TypingHost {
  send(frame: VisitorFrame): boolean;
  /** Where the open conversation and its last seq are read. */
  store: Pick<ConversationStore, 'getOpenConversationId' | 'getLastSeq' | 'listConversations'>;
  /** The panel is open and the socket live: what it shows counts as read while the page is visible. */
  isShowing(): boolean;
  changed(): void;
  timers: Timers;
  now(): number;
}

const isPageVisible = () => globalThis.document?.visibilityState !== 'hidden';

/**
 * The widget's side of typing and read receipts (an on-demand chunk): tells the agent when the visitor
 * types and what they have read; remembers which agent types (until it expires) and what agents read.
 */
export class TypingTracker {
  /** The name of the agent typing now, or null. */
  agentName: string | null = null;
  readonly #host: TypingHost;
  #expiry: unknown = null;
  #idle: unknown = null;
  #sentTypingAt = 0;
  /** conversationId → the highest seq the agents have read, as told live. */
  readonly #seen = new Map<string, number>();
  #readSent = '';

  constructor(host: TypingHost) {
    this.#host = host;
    globalThis.document?.addEventListener('visibilitychange', () => this.read());
  }

  handleFrame(frame: ServerFrame): void {
    const { timers } = this.#host;
    if (frame.type === 'typing' && frame.data.by.type === 'agent') {
      timers.clearTimeout(this.#expiry);
      this.agentName = frame.data.isTyping ? frame.data.by.name : null;
      if (this.agentName) this.#expiry = timers.setTimeout(() => this.#forgetAgent(), TYPING_EXPIRES_MS);
    } else if (frame.type === 'conversation.read_up_to' && frame.data.reader === 'agents') {
      const { conversationId, seq } = frame.data;
      this.#seen.set(conversationId, Math.max(seq, this.#seen.get(conversationId) ?? 0));
    } else if (frame.type === 'message.created' && frame.data.message.sender.type === 'agent' && this.agentName) {
      timers.clearTimeout(this.#expiry);
      this.agentName = null;
    } else return;
    this.#host.changed();
  }

  /** The composer's draft changed: typing (renewed every few seconds), or stopped when emptied or idle. */
  input(draft: string): void {
    const host = this.#host;
    host.timers.clearTimeout(this.#idle);
    if (!draft.trim()) return this.#stop();
    if (host.now() - this.#sentTypingAt >= TYPING_RENEW_MS && this.#sendTyping(true)) this.#sentTypingAt = host.now();
    this.#idle = host.timers.setTimeout(() => this.#stop(), TYPING_IDLE_MS);
  }

  /** The socket went down: an agent's typing can no longer be heard, and the api forgot the visitor's. */
  disconnected(): void {
    this.#host.timers.clearTimeout(this.#expiry);
    this.agentName = null;
    this.#sentTypingAt = 0;
  }

  /** Says what the visitor has read, when the open panel shows it on a visible page. */
  read(): void {
    const host = this.#host;
    const id = host.store.getOpenConversationId();
    const seq = id && host.store.getLastSeq(id);
    const key = `${id}:${seq}`;
    if (!id || !seq || key === this.#readSent || !host.isShowing() || !isPageVisible()) return;
    if (host.send({ type: 'conversation.read', data: { conversationId: id, seq } })) this.#readSent = key;
  }

  /** Marks the last of the visitor's messages the agents have read (told live, or by the session). */
  markSeen(items: TimelineItem[]): TimelineItem[] {
    const conversation = this.#openConversation();
    if (!conversation) return items;
    const seen = Math.max(conversation.readUpTo?.agents ?? 0, this.#seen.get(conversation.id) ?? 0);
    const index = items.findLastIndex(
      (item) => item.kind === 'message' && item.sender === 'visitor' && !!item.seq && item.seq <= seen,
    );
    return index < 0 ? items : items.map((item, at) => (at === index ? { ...item, seen: true } : item));
  }

  #sendTyping(isTyping: boolean): boolean {
    const conversationId = this.#host.store.getOpenConversationId();
    return !!conversationId && this.#host.send({ type: 'typing.set', data: { conversationId, isTyping } });
  }

  #openConversation(): ConversationSummary | undefined {
    const { store } = this.#host;
    const id = store.getOpenConversationId();
    return store.listConversations().find((view) => view.summary.id === id)?.summary;
  }

  #stop(): void {
    if (this.#sentTypingAt) this.#sendTyping(false);
    this.#sentTypingAt = 0;
  }

  #forgetAgent(): void {
    this.agentName = null;
    this.#host.changed();
  }
}
