import type {
  ConversationEvent,
  ConversationEventType,
  Message,
  ServerFrame,
  WidgetConfig,
  WidgetSession,
} from '@parley/api/protocol';
import { LIMITS } from '@parley/api/protocol/constants';
import { computeBackoffDelay } from '@parley/api/protocol/reconnect';
import { type ApiClient, ApiError } from './api-client.ts';
import { createClientId } from './client-id.ts';
import { ConversationStore } from './conversation-store.ts';
import { Outbox, type OutboxEntry } from './outbox.ts';
import { getOutboxKey, getTokenKey, type KeyValueStorage } from './storage.ts';
import { buildTimeline, type TimelineItem } from './timeline.ts';
import { type ConnectionState, type SocketLike, type Timers, VisitorConnection } from './visitor-connection.ts';

/** Everything the UI draws, replaced (never mutated) on every change. */
export interface WidgetSnapshot {
  config: WidgetConfig | null;
  isOpen: boolean;
  connection: ConnectionState;
  /** The api refused this page (origin not allowed, inbox gone): chat is unavailable. */
  isUnavailable: boolean;
  timeline: TimelineItem[];
  /** Agent messages that arrived while the panel was closed. */
  unreadCount: number;
  /** The newest agent message, for the polite live region. */
  announcement: { id: string; name: string | null; body: string } | null;
}

export interface ChatControllerOptions {
  siteKey: string;
  api: ApiClient;
  storage: KeyValueStorage;
  wsUrl: string;
  createSocket(url: string, protocols: string[]): SocketLike;
  createClientId?: () => string;
  now?: () => Date;
  timers?: Timers;
  random?: () => number;
  logError?: (message: string, error?: unknown) => void;
}

const CONVERSATION_EVENT_TYPES: ReadonlySet<string> = new Set<ConversationEventType>([
  'conversation.created',
  'message.created',
  'conversation.assigned',
  'conversation.unassigned',
  'conversation.resolved',
  'conversation.reopened',
]);

function isConversationEvent(frame: ServerFrame): frame is ConversationEvent {
  return CONVERSATION_EVENT_TYPES.has(frame.type);
}

/** Errors after which a send is retried without a conversationId (a new conversation). */
const START_NEW_CONVERSATION_CODES = new Set(['conversation/resolved', 'conversation/not_found']);
const CONFIG_ATTEMPTS = 4;
const GAP_RELOAD_ATTEMPTS = 3;

/**
 * The visitor's chat: config, session, socket, conversations and outbox, glued together.
 * The UI reads snapshots and calls open/close/send/retry; nothing here touches the DOM.
 */
export class ChatController {
  readonly #options: ChatControllerOptions;
  readonly #tokenKey: string;
  readonly #outboxKey: string;
  readonly #store = new ConversationStore();
  readonly #outbox: Outbox;
  readonly #connection: VisitorConnection;
  readonly #timers: Timers;
  readonly #listeners = new Set<() => void>();
  /** frame id of an unanswered message.send → its clientId. */
  readonly #inflight = new Map<string, string>();
  /** Conversations being reloaded over REST → events that arrived meanwhile. */
  readonly #reloading = new Map<string, ConversationEvent[]>();
  #frameCounter = 0;
  #hasSession = false;
  #visitorId: string | null = null;
  #config: WidgetConfig | null = null;
  #isOpen = false;
  #isUnavailable = false;
  #unreadCount = 0;
  #announcement: WidgetSnapshot['announcement'] = null;
  #snapshot: WidgetSnapshot;

  constructor(options: ChatControllerOptions) {
    this.#options = options;
    this.#tokenKey = getTokenKey(options.siteKey);
    this.#outboxKey = getOutboxKey(options.siteKey);
    this.#outbox = new Outbox(options.storage, this.#outboxKey);
    this.#timers = options.timers ?? {
      setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    this.#connection = new VisitorConnection({
      url: options.wsUrl,
      createSocket: options.createSocket,
      prepare: (_attempt, wasRefused) => this.#prepareConnection(wasRefused),
      getResume: () => this.#store.getResume(),
      onFrame: (frame) => this.#handleFrame(frame),
      onReady: () => this.#handleReady(),
      onStateChange: () => this.#emit(),
      onUnauthorized: () => this.#handleUnauthorized(),
      timers: this.#timers,
      ...(options.random ? { random: options.random } : {}),
    });
    this.#snapshot = this.#buildSnapshot();
  }

  getSnapshot(): WidgetSnapshot {
    return this.#snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Loads the appearance, then reconnects a returning visitor who has an open conversation
   * (or unsent messages). A visitor who never chatted gets no session and no socket here.
   */
  async start(): Promise<void> {
    this.#config = await this.#loadConfig();
    this.#emit();
    if (!this.#config) return;
    const token = this.#options.storage.getItem(this.#tokenKey);
    if (token) {
      try {
        const session = await this.#options.api.createSession(this.#options.siteKey, token);
        this.#acceptSession(session);
      } catch (error) {
        this.#noteSessionError(error);
      }
    }
    const hasOpenConversation = this.#store.getOpenConversationId() !== null;
    if (hasOpenConversation || this.#outbox.listPending().length > 0) this.#connection.start();
  }

  open(): void {
    if (this.#isOpen) return;
    this.#isOpen = true;
    this.#unreadCount = 0;
    this.#emit();
    if (this.#connection.state === 'idle') {
      this.#isUnavailable = false;
      this.#connection.start();
    }
  }

  close(): void {
    if (!this.#isOpen) return;
    this.#isOpen = false;
    this.#emit();
  }

  toggle(): void {
    if (this.#isOpen) this.close();
    else this.open();
  }

  /** Queues a message; it is shown at once as pending and sent when the socket is live. */
  send(text: string): boolean {
    const body = text.trim();
    if (body.length === 0 || body.length > LIMITS.messageMaxLength) return false;
    const entry = this.#outbox.add({
      clientId: (this.#options.createClientId ?? createClientId)(),
      body,
      createdAt: (this.#options.now?.() ?? new Date()).toISOString(),
    });
    this.#emit();
    this.#deliver(entry);
    return true;
  }

  retry(clientId: string): void {
    const entry = this.#outbox.markPending(clientId);
    if (!entry) return;
    this.#emit();
    this.#deliver(entry);
  }

  /** The browser is back online: skip the rest of the backoff wait. */
  handleOnline(): void {
    this.#connection.reconnectNow();
  }

  /** Another tab changed shared storage. */
  handleStorageChange(key: string | null): void {
    if (key === null || key === this.#outboxKey) this.#emit();
  }

  destroy(): void {
    this.#connection.stop();
    this.#listeners.clear();
  }

  async #loadConfig(): Promise<WidgetConfig | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#options.api.getConfig(this.#options.siteKey);
      } catch (error) {
        const isRetryable = error instanceof ApiError && error.isRetryable;
        if (!isRetryable || attempt + 1 >= CONFIG_ATTEMPTS) {
          this.#logError(`could not load the widget settings for site key '${this.#options.siteKey}'`, error);
          return null;
        }
        await new Promise<void>((resolve) =>
          this.#timers.setTimeout(() => resolve(), computeBackoffDelay(attempt + 1)),
        );
      }
    }
  }

  /** The token to connect with; a session is (re)made when there is none or the socket was refused. */
  async #prepareConnection(wasRefused: boolean): Promise<string | null> {
    const token = this.#options.storage.getItem(this.#tokenKey);
    if (token && this.#hasSession && !wasRefused) return token;
    try {
      const session = await this.#options.api.createSession(this.#options.siteKey, token);
      this.#acceptSession(session);
      return session.token;
    } catch (error) {
      this.#noteSessionError(error);
      if (this.#isUnavailable) return null;
      throw error;
    }
  }

  #acceptSession(session: WidgetSession): void {
    this.#options.storage.setItem(this.#tokenKey, session.token);
    if (this.#visitorId !== null && this.#visitorId !== session.visitorId) this.#store.clear();
    this.#visitorId = session.visitorId;
    this.#hasSession = true;
    this.#isUnavailable = false;
    const { conversation } = session;
    if (conversation) {
      const heldSeq = this.#store.getLastSeq(conversation.id);
      if (heldSeq === null || heldSeq < conversation.lastSeq) this.#store.load(conversation, session.events);
    }
    this.#reconcileOutbox();
    this.#emit();
  }

  #noteSessionError(error: unknown): void {
    if (error instanceof ApiError && !error.isRetryable) {
      this.#isUnavailable = true;
      this.#logError('the chat server refused this page', error);
      this.#emit();
    }
  }

  #handleUnauthorized(): boolean {
    this.#options.storage.removeItem(this.#tokenKey);
    this.#hasSession = false;
    this.#visitorId = null;
    this.#store.clear();
    this.#inflight.clear();
    this.#emit();
    return this.#isOpen || this.#outbox.listPending().length > 0;
  }

  #handleReady(): void {
    this.#inflight.clear();
    for (const entry of this.#outbox.listPending()) this.#transmit(entry);
  }

  #handleFrame(frame: ServerFrame): void {
    if (isConversationEvent(frame)) this.#handleEvent(frame);
    else if (frame.type === 'ack') this.#handleAck(frame.id, frame.data);
    else if (frame.type === 'error') this.#handleError(frame.id, frame.data.code, frame.data.message);
    else if (frame.type === 'conversation.resync_required') void this.#reload(frame.data.conversationId, []);
  }

  #handleEvent(event: ConversationEvent): void {
    const buffered = this.#reloading.get(event.data.conversationId);
    if (buffered) {
      buffered.push(event);
      return;
    }
    const result = this.#store.apply(event);
    if (result === 'gap') {
      void this.#reload(event.data.conversationId, [event]);
      return;
    }
    if (result === 'duplicate') return;
    this.#noteApplied(event);
    this.#reconcileOutbox();
    this.#emit();
  }

  #noteApplied(event: ConversationEvent): void {
    if (event.type !== 'message.created') return;
    const { message } = event.data;
    if (message.sender.type !== 'agent') return;
    this.#announcement = { id: message.id, name: message.sender.name, body: message.body };
    if (!this.#isOpen) this.#unreadCount++;
  }

  #handleAck(frameId: string, data: Extract<ServerFrame, { type: 'ack' }>['data']): void {
    const clientId = this.#inflight.get(frameId);
    if (!clientId) return;
    this.#inflight.delete(frameId);
    if ('message' in data) {
      const message: Message = data.message;
      this.#store.addAcked(message);
      if (!this.#store.has(message.conversationId)) this.#reloadIfStillUnknown(message.conversationId);
    }
    this.#outbox.remove(clientId);
    this.#emit();
  }

  #handleError(frameId: string | undefined, code: string, message: string): void {
    const clientId = frameId === undefined ? undefined : this.#inflight.get(frameId);
    if (frameId === undefined || clientId === undefined) {
      this.#logError(`the chat server said: ${message} (${code})`);
      return;
    }
    this.#inflight.delete(frameId);
    const entry = this.#outbox.get(clientId);
    if (!entry) return;
    if (START_NEW_CONVERSATION_CODES.has(code) && !entry.isNewConversation) {
      const updated = this.#outbox.markNewConversation(clientId);
      if (updated) this.#transmit(updated);
      return;
    }
    if (code === 'rate/limited') {
      this.#timers.setTimeout(
        () => {
          const current = this.#outbox.get(clientId);
          if (current?.status === 'pending') this.#transmit(current);
        },
        1000 + Math.round((this.#options.random ?? Math.random)() * 1000),
      );
      return;
    }
    this.#outbox.markFailed(clientId, code);
    this.#emit();
  }

  /** Sends now if live; otherwise makes sure a connection is coming (it flushes on ready). */
  #deliver(entry: OutboxEntry): void {
    if (this.#connection.state === 'live') this.#transmit(entry);
    else if (this.#connection.state === 'idle') this.#connection.start();
  }

  #transmit(entry: OutboxEntry): void {
    const conversationId = entry.isNewConversation ? null : this.#store.getOpenConversationId();
    const id = `s${++this.#frameCounter}`;
    const isSent = this.#connection.send({
      type: 'message.send',
      id,
      data: { clientId: entry.clientId, body: entry.body, ...(conversationId ? { conversationId } : {}) },
    });
    if (isSent) this.#inflight.set(id, entry.clientId);
  }

  /** Reloads a conversation over REST, then applies what arrived meanwhile. */
  async #reload(conversationId: string, events: ConversationEvent[], attempt = 0): Promise<void> {
    const buffered = this.#reloading.get(conversationId);
    if (buffered) {
      buffered.push(...events);
      return;
    }
    const pending = [...events];
    this.#reloading.set(conversationId, pending);
    try {
      const token = this.#options.storage.getItem(this.#tokenKey);
      if (!token) throw new ApiError(401, 'auth/required', 'No visitor token');
      const detail = await this.#options.api.getConversation(token, conversationId);
      this.#store.load(detail.conversation, detail.events);
    } catch (error) {
      this.#logError('could not reload the conversation', error);
    }
    this.#reloading.delete(conversationId);
    let hasGap = false;
    for (const event of pending.sort((a, b) => a.data.seq - b.data.seq)) {
      const result = this.#store.apply(event);
      if (result === 'applied') this.#noteApplied(event);
      if (result === 'gap') hasGap = true;
    }
    this.#reconcileOutbox();
    this.#emit();
    if (hasGap && attempt + 1 < GAP_RELOAD_ATTEMPTS) {
      this.#timers.setTimeout(() => void this.#reload(conversationId, [], attempt + 1), computeBackoffDelay(attempt));
    }
  }

  /** An ack named a conversation we do not hold; its events should follow, else fetch it. */
  #reloadIfStillUnknown(conversationId: string): void {
    this.#timers.setTimeout(() => {
      if (!this.#store.has(conversationId) && !this.#reloading.has(conversationId)) {
        void this.#reload(conversationId, []);
      }
    }, 1500);
  }

  #reconcileOutbox(): void {
    this.#outbox.removeStored((clientId) => this.#store.hasClientId(clientId));
  }

  #buildSnapshot(): WidgetSnapshot {
    return {
      config: this.#config,
      isOpen: this.#isOpen,
      connection: this.#connection.state,
      isUnavailable: this.#isUnavailable,
      timeline: buildTimeline(this.#store.listConversations(), this.#store.listAcked(), this.#outbox.list()),
      unreadCount: this.#unreadCount,
      announcement: this.#announcement,
    };
  }

  #emit(): void {
    this.#snapshot = this.#buildSnapshot();
    for (const listener of this.#listeners) listener();
  }

  #logError(message: string, error?: unknown): void {
    (this.#options.logError ?? ((text: string, cause?: unknown) => console.error(`Parley: ${text}`, cause ?? '')))(
      message,
      error,
    );
  }
}
