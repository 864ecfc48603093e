import type {
  AgentFrame,
  ConversationDetail,
  ConversationEvent,
  ConversationList,
  MessageSendResult,
  ServerFrame,
} from '@parley/api/protocol';
import { ApiError, isApiError } from '../api/http.ts';
import type { ConnectionHandlers, ConnectionStatus } from './agent-connection.ts';
import {
  abortReload,
  applyDetail,
  applyEvent,
  applyOlderPage,
  type CacheState,
  type CacheUpdate,
  type ConversationFilter,
  EMPTY_CACHE,
  hasMessageWithClientId,
  mergeSummaries,
  selectResume,
  startReload,
} from './conversation-cache.ts';
import type { Outbox, OutboxItem } from './outbox.ts';

export type LoadState = 'idle' | 'loading' | 'loaded' | 'error';

export interface DetailProblem {
  readonly status: 'loading' | 'error' | 'not_found';
  readonly message: string | null;
}

/** Everything the inbox screens render; a new object after every change (for useSyncExternalStore). */
export interface ConsoleSnapshot {
  readonly cache: CacheState;
  readonly outbox: readonly OutboxItem[];
  readonly connection: ConnectionStatus;
  readonly hasBeenLive: boolean;
  readonly lists: Readonly<Record<ConversationFilter, LoadState>>;
  /** Conversations being opened for the first time, or that failed to open. */
  readonly details: ReadonlyMap<string, DetailProblem>;
  readonly loadingOlder: ReadonlySet<string>;
}

export interface ConsoleApi {
  listConversations(status: ConversationFilter): Promise<ConversationList>;
  getConversation(id: string, query?: { beforeSeq?: number; limit?: number }): Promise<ConversationDetail>;
  /** false only when the server says the session is gone (401). */
  isSessionValid(): Promise<boolean>;
}

export interface ConnectionPort {
  start(): void;
  stop(): void;
  send(frame: AgentFrame): boolean;
  reconnectNow(): void;
}

export interface ConsoleStoreOptions {
  api: ConsoleApi;
  outbox: Outbox;
  createConnection(handlers: ConnectionHandlers): ConnectionPort;
  /** The session ended (close 4001 or a refused upgrade with a dead session). */
  onUnauthorized(): void;
  /** Wait before resending a message the server refused with rate/limited. */
  rateLimitRetryMs?: number;
}

type PendingCommand =
  | { kind: 'send'; clientId: string }
  | { kind: 'resolve'; resolve: () => void; reject: (error: Error) => void };

const OLDER_PAGE_SIZE = 100;

/**
 * The console's real-time state: the conversation cache fed by REST and the socket, the outbox of
 * unacknowledged sends, and the connection status. React reads it through subscribe/getSnapshot.
 */
export class ConsoleStore {
  readonly #api: ConsoleApi;
  readonly #outbox: Outbox;
  readonly #connection: ConnectionPort;
  readonly #onUnauthorized: () => void;
  readonly #rateLimitRetryMs: number;
  readonly #listeners = new Set<() => void>();
  readonly #commands = new Map<string, PendingCommand>();
  readonly #retryTimers = new Set<ReturnType<typeof setTimeout>>();
  #snapshot: ConsoleSnapshot;
  #frameCounter = 0;
  #activeFilter: ConversationFilter = 'open';
  #isCheckingSession = false;

  constructor(options: ConsoleStoreOptions) {
    this.#api = options.api;
    this.#outbox = options.outbox;
    this.#onUnauthorized = options.onUnauthorized;
    this.#rateLimitRetryMs = options.rateLimitRetryMs ?? 1500;
    this.#snapshot = {
      cache: EMPTY_CACHE,
      outbox: this.#outbox.items,
      connection: 'idle',
      hasBeenLive: false,
      lists: { open: 'idle', resolved: 'idle', all: 'idle' },
      details: new Map(),
      loadingOlder: new Set(),
    };
    this.#connection = options.createConnection({
      getResume: () => selectResume(this.#snapshot.cache),
      onFrame: (frame) => this.#handleFrame(frame),
      onReady: () => this.#handleReady(),
      onStatusChange: (status) => this.#handleStatus(status),
      onClosed: ({ wasOpen }) => {
        if (!wasOpen) void this.#checkSession();
      },
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): ConsoleSnapshot => this.#snapshot;

  start(): void {
    this.#connection.start();
  }

  stop(): void {
    this.#connection.stop();
    this.#dropCommands('The connection was closed.');
    for (const timer of this.#retryTimers) clearTimeout(timer);
    this.#retryTimers.clear();
  }

  reconnectNow(): void {
    this.#connection.reconnectNow();
  }

  /** Loads (or refreshes) the conversation list for a filter; the list is then kept live by events. */
  async loadList(filter: ConversationFilter): Promise<void> {
    this.#activeFilter = filter;
    const wasLoaded = this.#snapshot.lists[filter] === 'loaded';
    if (!wasLoaded) this.#setList(filter, 'loading');
    try {
      const { conversations } = await this.#api.listConversations(filter);
      this.#applyCacheUpdate(mergeSummaries(this.#snapshot.cache, conversations));
      this.#setList(filter, 'loaded');
    } catch {
      if (!wasLoaded) this.#setList(filter, 'error');
    }
  }

  /** Makes sure a conversation's events are held (loads the newest page once). */
  openConversation(id: string): void {
    const { cache } = this.#snapshot;
    if (cache.conversations.get(id)?.events || cache.reloading.has(id)) return;
    this.#setDetail(id, { status: 'loading', message: null });
    this.#applyCacheUpdate(startReload(cache, id));
  }

  async loadOlder(id: string): Promise<void> {
    const entry = this.#snapshot.cache.conversations.get(id);
    const firstSeq = entry?.events?.[0]?.data.seq;
    if (!entry?.hasMore || firstSeq === undefined || this.#snapshot.loadingOlder.has(id)) return;
    this.#setLoadingOlder(id, true);
    try {
      const detail = await this.#api.getConversation(id, { beforeSeq: firstSeq, limit: OLDER_PAGE_SIZE });
      this.#setCache(applyOlderPage(this.#snapshot.cache, detail));
    } catch {
      // The button stays; the agent can try again.
    } finally {
      this.#setLoadingOlder(id, false);
    }
  }

  /** Queues a message; it is shown at once as pending and (re)sent until acknowledged. */
  send(conversationId: string, body: string): void {
    const text = body.trim();
    if (text === '') return;
    const item = this.#outbox.add(conversationId, text);
    this.#emitOutbox();
    this.#transmit(item);
  }

  retry(clientId: string): void {
    const item = this.#outbox.find(clientId);
    if (!item) return;
    this.#outbox.markPending(clientId);
    this.#emitOutbox();
    this.#transmit(item);
  }

  /** Drops a failed message the agent gave up on. */
  discard(clientId: string): void {
    if (this.#outbox.remove(clientId)) this.#emitOutbox();
  }

  resolve(conversationId: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const id = this.#nextFrameId();
      this.#commands.set(id, { kind: 'resolve', resolve, reject });
      const isSent = this.#connection.send({ type: 'conversation.resolve', id, data: { conversationId } });
      if (!isSent) {
        this.#commands.delete(id);
        reject(new ApiError(0, 'network/offline', 'You are offline. Try again when the connection is back.'));
      }
    });
  }

  #transmit(item: OutboxItem): void {
    if (this.#isInFlight(item.clientId)) return;
    const id = this.#nextFrameId();
    this.#commands.set(id, { kind: 'send', clientId: item.clientId });
    const isSent = this.#connection.send({
      type: 'message.send',
      id,
      data: { clientId: item.clientId, conversationId: item.conversationId, body: item.body },
    });
    if (!isSent) this.#commands.delete(id);
  }

  #isInFlight(clientId: string): boolean {
    for (const command of this.#commands.values()) {
      if (command.kind === 'send' && command.clientId === clientId) return true;
    }
    return false;
  }

  #handleReady(): void {
    for (const item of this.#outbox.pendingItems) this.#transmit(item);
    void this.loadList(this.#activeFilter);
  }

  #handleStatus(status: ConnectionStatus): void {
    if (status !== 'live') this.#dropCommands('The connection was lost. Try again.');
    this.#snapshot = {
      ...this.#snapshot,
      connection: status,
      hasBeenLive: this.#snapshot.hasBeenLive || status === 'live',
    };
    this.#emit();
    if (status === 'unauthorized') this.#onUnauthorized();
  }

  #handleFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'ack':
        this.#handleAck(frame.id, frame.data);
        return;
      case 'error':
        this.#handleError(frame.id, frame.data.code, frame.data.message);
        return;
      case 'conversation.resync_required':
        this.#applyCacheUpdate(startReload(this.#snapshot.cache, frame.data.conversationId));
        return;
      case 'session.ready':
      case 'pong':
      // Queue state has no view in the console yet (issue #5 adds one); nothing to apply.
      case 'queue.position':
      case 'queue.summary':
        return;
      default:
        this.#applyCacheUpdate(applyEvent(this.#snapshot.cache, frame));
    }
  }

  #handleAck(id: string, data: unknown): void {
    const command = this.#commands.get(id);
    if (!command) return;
    this.#commands.delete(id);
    if (command.kind === 'resolve') {
      command.resolve();
      return;
    }
    const { message } = data as MessageSendResult;
    if (message) {
      const event: ConversationEvent = {
        type: 'message.created',
        data: { conversationId: message.conversationId, seq: message.seq, at: message.createdAt, message },
      };
      this.#applyCacheUpdate(applyEvent(this.#snapshot.cache, event));
    }
    if (this.#outbox.remove(command.clientId)) this.#emitOutbox();
  }

  #handleError(id: string | undefined, code: string, message: string): void {
    const command = id === undefined ? undefined : this.#commands.get(id);
    if (!command || id === undefined) return;
    this.#commands.delete(id);
    if (command.kind === 'resolve') {
      command.reject(new ApiError(0, code, message));
      return;
    }
    if (code === 'rate/limited') {
      const timer = setTimeout(() => {
        this.#retryTimers.delete(timer);
        const item = this.#outbox.find(command.clientId);
        if (item?.status === 'pending') this.#transmit(item);
      }, this.#rateLimitRetryMs);
      this.#retryTimers.add(timer);
      return;
    }
    this.#outbox.markFailed(command.clientId, message);
    this.#emitOutbox();
  }

  #applyCacheUpdate(update: CacheUpdate): void {
    this.#setCache(update.state);
    for (const id of update.reload) void this.#reload(id);
  }

  async #reload(id: string): Promise<void> {
    try {
      const detail = await this.#api.getConversation(id);
      this.#applyCacheUpdate(applyDetail(this.#snapshot.cache, detail));
      this.#setDetail(id, null);
    } catch (error) {
      this.#setCache(abortReload(this.#snapshot.cache, id));
      if (this.#snapshot.cache.conversations.get(id)?.events) return;
      const isMissing = isApiError(error) && (error.status === 404 || error.status === 400);
      this.#setDetail(id, {
        status: isMissing ? 'not_found' : 'error',
        message: error instanceof Error ? error.message : null,
      });
    }
  }

  async #checkSession(): Promise<void> {
    if (this.#isCheckingSession) return;
    this.#isCheckingSession = true;
    try {
      if (!(await this.#api.isSessionValid())) {
        this.#connection.stop();
        this.#onUnauthorized();
      }
    } finally {
      this.#isCheckingSession = false;
    }
  }

  #dropCommands(reason: string): void {
    for (const [id, command] of this.#commands) {
      if (command.kind === 'resolve') command.reject(new ApiError(0, 'network/offline', reason));
      this.#commands.delete(id);
    }
  }

  #nextFrameId(): string {
    this.#frameCounter += 1;
    return `c${this.#frameCounter}`;
  }

  #setCache(cache: CacheState): void {
    if (cache === this.#snapshot.cache) return;
    const isDelivered = (item: OutboxItem) => hasMessageWithClientId(cache, item.conversationId, item.clientId);
    this.#outbox.removeWhere(isDelivered);
    this.#snapshot = { ...this.#snapshot, cache, outbox: this.#outbox.items };
    this.#emit();
  }

  #emitOutbox(): void {
    this.#snapshot = { ...this.#snapshot, outbox: this.#outbox.items };
    this.#emit();
  }

  #setList(filter: ConversationFilter, state: LoadState): void {
    this.#snapshot = { ...this.#snapshot, lists: { ...this.#snapshot.lists, [filter]: state } };
    this.#emit();
  }

  #setDetail(id: string, problem: DetailProblem | null): void {
    if (problem === null && !this.#snapshot.details.has(id)) return;
    const details = new Map(this.#snapshot.details);
    if (problem) details.set(id, problem);
    else details.delete(id);
    this.#snapshot = { ...this.#snapshot, details };
    this.#emit();
  }

  #setLoadingOlder(id: string, isLoading: boolean): void {
    const loadingOlder = new Set(this.#snapshot.loadingOlder);
    if (isLoading) loadingOlder.add(id);
    else loadingOlder.delete(id);
    this.#snapshot = { ...this.#snapshot, loadingOlder };
    this.#emit();
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
