import type {
  AgentRef,
  ConversationReadFrame,
  ConversationViewFrame,
  ServerFrame,
  TypingActor,
  TypingSetFrame,
} from '@parley/api/protocol';

/** As TYPING_LIMITS in the protocol: a typist renews every 3 s, a receiver forgets after 6 s. */
export const TYPING_EXPIRES_MS = 6000;
export const TYPING_RENEW_MS = 3000;
/** The draft has not changed for this long: the agent stopped typing. */
export const TYPING_IDLE_MS = 4000;
/** Viewers renew every 20 s; one silent for this long (a crashed tab) is gone. */
export const VIEWER_EXPIRES_MS = 50_000;

export type TypingOutFrame = TypingSetFrame | ConversationReadFrame | ConversationViewFrame;

export interface ConversationPresence {
  /** Who types in it now (never this agent): the visitor, teammates. */
  typists: TypingActor[];
  /** Teammates looking at it now (never this agent). */
  viewers: AgentRef[];
  /** The highest seq the visitor has read, as told live (the summary has the stored one). */
  visitorReadSeq: number;
}

const EMPTY: ConversationPresence = { typists: [], viewers: [], visitorReadSeq: 0 };
const keyOf = (actor: TypingActor) => (actor.type === 'visitor' ? 'visitor' : actor.id);

export interface TypingStoreOptions {
  userId: string;
  /** Sends a frame over the agent's socket; false while offline. */
  send(frame: TypingOutFrame): boolean;
  now?: () => number;
}

/**
 * Who types in and who views each conversation, and what its visitor has read, from the socket's
 * ephemeral frames (each entry expires by itself); and this agent's own typing, viewing and reading.
 */
export class TypingStore {
  readonly #options: TypingStoreOptions;
  readonly #now: () => number;
  readonly #byConversation = new Map<string, ConversationPresence>();
  readonly #expiries = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #listeners = new Set<() => void>();
  #viewing: string | null = null;
  #typingIn: string | null = null;
  #sentTypingAt = 0;
  #idle: ReturnType<typeof setTimeout> | undefined;
  readonly #readSent = new Map<string, number>();

  constructor(options: TypingStoreOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** The same object until something about the conversation changes. */
  get(conversationId: string): ConversationPresence {
    return this.#byConversation.get(conversationId) ?? EMPTY;
  }

  handleFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'typing': {
        const { conversationId, isTyping, by } = frame.data;
        if (by.type === 'agent' && by.id === this.#options.userId) return;
        this.#setTypist(conversationId, by, isTyping);
        return;
      }
      case 'message.created': {
        const { sender } = frame.data.message;
        const key = sender.type === 'visitor' ? 'visitor' : sender.id;
        const current = this.get(frame.data.conversationId);
        if (key && current.typists.some((typist) => keyOf(typist) === key)) {
          this.#setTypist(frame.data.conversationId, current.typists.find((t) => keyOf(t) === key)!, false);
        }
        return;
      }
      case 'conversation.read_up_to': {
        const { conversationId, reader, seq } = frame.data;
        const current = this.get(conversationId);
        if (reader === 'visitor' && seq > current.visitorReadSeq) this.#update(conversationId, { visitorReadSeq: seq });
        return;
      }
      case 'conversation.viewer': {
        const { conversationId, agent, isViewing } = frame.data;
        if (agent.id !== this.#options.userId) this.#setViewer(conversationId, agent, isViewing);
        return;
      }
      case 'session.ready': {
        // A new socket: the server knows nothing of what this one viewed.
        const viewing = this.#viewing;
        this.#viewing = null;
        this.view(viewing);
        return;
      }
    }
  }

  /** This agent looks at a conversation now (null: at none). */
  view(conversationId: string | null): void {
    if (conversationId === this.#viewing) return;
    if (this.#options.send({ type: 'conversation.view', data: { conversationId } })) this.#viewing = conversationId;
  }

  /** The reply draft of a conversation changed: typing (renewed every few seconds), or stopped. */
  input(conversationId: string, draft: string): void {
    clearTimeout(this.#idle);
    if (this.#typingIn !== conversationId) this.#stopTyping();
    if (!draft.trim()) return this.#stopTyping();
    if (this.#now() - this.#sentTypingAt >= TYPING_RENEW_MS && this.#sendTyping(conversationId, true)) {
      this.#typingIn = conversationId;
      this.#sentTypingAt = this.#now();
    }
    this.#idle = setTimeout(() => this.#stopTyping(), TYPING_IDLE_MS);
  }

  /** This agent has seen the conversation up to seq (it is open in a visible tab). */
  read(conversationId: string, seq: number): void {
    if (seq <= (this.#readSent.get(conversationId) ?? 0)) return;
    if (this.#options.send({ type: 'conversation.read', data: { conversationId, seq } }))
      this.#readSent.set(conversationId, seq);
  }

  #sendTyping(conversationId: string, isTyping: boolean): boolean {
    return this.#options.send({ type: 'typing.set', data: { conversationId, isTyping } });
  }

  #stopTyping(): void {
    if (this.#typingIn) this.#sendTyping(this.#typingIn, false);
    this.#typingIn = null;
    this.#sentTypingAt = 0;
  }

  #setTypist(conversationId: string, actor: TypingActor, isTyping: boolean): void {
    const key = keyOf(actor);
    const typists = this.get(conversationId).typists.filter((typist) => keyOf(typist) !== key);
    if (isTyping) typists.push(actor);
    this.#expire(`typing:${conversationId}:${key}`, isTyping ? TYPING_EXPIRES_MS : null, () =>
      this.#setTypist(conversationId, actor, false),
    );
    this.#update(conversationId, { typists });
  }

  #setViewer(conversationId: string, agent: AgentRef, isViewing: boolean): void {
    const current = this.get(conversationId).viewers;
    const viewers = current.filter((viewer) => viewer.id !== agent.id);
    if (isViewing) viewers.push(agent);
    this.#expire(`viewer:${conversationId}:${agent.id}`, isViewing ? VIEWER_EXPIRES_MS : null, () =>
      this.#setViewer(conversationId, agent, false),
    );
    const isSame =
      viewers.length === current.length &&
      viewers.every((viewer) => current.some((c) => c.id === viewer.id && c.name === viewer.name));
    if (!isSame) this.#update(conversationId, { viewers });
  }

  /** (Re)arms the expiry of one entry, or drops it (ms null). */
  #expire(key: string, ms: number | null, onExpiry: () => void): void {
    clearTimeout(this.#expiries.get(key));
    this.#expiries.delete(key);
    if (ms !== null) this.#expiries.set(key, setTimeout(onExpiry, ms));
  }

  #update(conversationId: string, change: Partial<ConversationPresence>): void {
    this.#byConversation.set(conversationId, { ...this.get(conversationId), ...change });
    for (const listener of this.#listeners) listener();
  }
}
