import type {
  AgentFrame,
  Attachment,
  ConversationAssignResult,
  ConversationDetail,
  ConversationEvent,
  ConversationList,
  ConversationPriority,
  ConversationReadFrame,
  ConversationStatus,
  ConversationSummary,
  ConversationViewFrame,
  InboxList,
  MemberList,
  MessageSendResult,
  Participant,
  ParticipantList,
  PresenceSetResult,
  Queue,
  ServerFrame,
  TypingSetFrame,
} from '@parley/api/protocol';
import { ApiError, isApiError } from '../api/http.ts';
import { applyWorkspaceLabels, rememberConversationLabels } from '../inbox/label-store.ts';
import { withParticipantIds, withReadParticipantIds } from '../inbox/list-views-participating.ts';
import type { ConnectionHandlers, ConnectionStatus } from './agent-connection.ts';
import {
  abortReload,
  applyChangedFrame,
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
import { ParticipantsClock } from './participants-clock.ts';
import {
  applyInboxes,
  applyQueue,
  applyQueueSummary,
  EMPTY_QUEUES,
  needsQueueReload,
  type QueueState,
  selectMissingSummaries,
  setQueueStatus,
  setQueuesStatus,
} from './queue-state.ts';
import {
  abortPresenceChange,
  applyMembers,
  applyPresenceAck,
  EMPTY_TEAM,
  type PresenceStatus,
  setMembersStatus,
  startPresenceChange,
  type TeamState,
} from './team-state.ts';

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
  /** The inboxes' queues: live numbers from `queue.summary`, the order from REST. */
  readonly queues: QueueState;
  /** The workspace's members with their presence, and the agent's own Online / Away status. */
  readonly team: TeamState;
}

export interface ConsoleApi {
  listConversations(status: ConversationFilter): Promise<ConversationList>;
  getConversation(id: string, query?: { beforeSeq?: number; limit?: number }): Promise<ConversationDetail>;
  /** false only when the server says the session is gone (401). */
  isSessionValid(): Promise<boolean>;
  listInboxes(): Promise<InboxList>;
  getQueue(inboxId: string): Promise<Queue>;
  listMembers(): Promise<MemberList>;
}

export interface ConnectionPort {
  start(): void;
  stop(): void;
  send(frame: AgentFrame): boolean;
  reconnectNow(): void;
}

export interface ConsoleStoreOptions {
  /** The signed-in agent (to find their own presence among the members). */
  userId: string;
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
  | { kind: 'command'; resolve: (data: unknown) => void; reject: (error: Error) => void };

/** Agent commands other than sends: answered by an ack with a result, or an error. */
type CommandFrame = Extract<
  AgentFrame,
  {
    type:
      | 'conversation.resolve'
      | 'conversation.assign'
      | 'conversation.hand_back'
      | 'presence.set'
      | 'conversation.follow'
      | 'conversation.set_status'
      | 'conversation.set_priority';
  }
>;

/** Per inbox: a queue read in flight, and whether a newer `queue.summary` makes its answer stale. */
interface QueueLoad {
  isStale: boolean;
}

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
  /** Told of every server frame before it is applied (the notifier: console/src/notifications/). */
  readonly #frameListeners = new Set<(frame: ServerFrame, before: ConsoleSnapshot) => void>();
  readonly #commands = new Map<string, PendingCommand>();
  readonly #retryTimers = new Set<ReturnType<typeof setTimeout>>();
  readonly #userId: string;
  readonly #queueLoads = new Map<string, QueueLoad>();
  /** Queued conversations whose summaries were already asked for (asked once, not on every reload). */
  readonly #requestedSummaries = new Set<string>();
  /**
   * Conversations this session's socket hears event by event (resumed in hello, or followed since);
   * the server sends the others as batched summaries.
   */
  #followed = new Set<string>();
  /** Conversations read while their follow could not be sent (the socket was not live): followed once it is. */
  readonly #unfollowedReads = new Set<string>();
  /** Whether a REST read's participants are newer than those the socket told (they have no seq). */
  readonly #participants = new ParticipantsClock();
  #inboxesLoad: Promise<void> | null = null;
  #membersLoad: Promise<void> | null = null;
  #snapshot: ConsoleSnapshot;
  #frameCounter = 0;
  #activeFilter: ConversationFilter = 'open';
  #isCheckingSession = false;

  constructor(options: ConsoleStoreOptions) {
    this.#userId = options.userId;
    this.#api = options.api;
    this.#outbox = options.outbox;
    this.#onUnauthorized = options.onUnauthorized;
    this.#rateLimitRetryMs = options.rateLimitRetryMs ?? 1500;
    this.#snapshot = {
      cache: EMPTY_CACHE,
      outbox: this.#outbox.items,
      connection: 'idle',
      hasBeenLive: false,
      lists: { open: 'idle', pending: 'idle', snoozed: 'idle', resolved: 'idle', all: 'idle' },
      details: new Map(),
      loadingOlder: new Set(),
      queues: EMPTY_QUEUES,
      team: EMPTY_TEAM,
    };
    this.#connection = options.createConnection({
      getResume: () => {
        const resume = selectResume(this.#snapshot.cache);
        this.#followed = new Set(resume.map((entry) => entry.conversationId));
        return resume;
      },
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

  onFrame = (listener: (frame: ServerFrame, before: ConsoleSnapshot) => void): (() => void) => {
    this.#frameListeners.add(listener);
    return () => this.#frameListeners.delete(listener);
  };

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

  /** Sends typing, read and viewing frames (answered by nobody: see inbox/typing-store.ts); false while offline. */
  sendEphemeral(frame: TypingSetFrame | ConversationReadFrame | ConversationViewFrame): boolean {
    return this.#connection.send(frame);
  }

  /** Loads (or refreshes) the conversation list for a filter; the list is then kept live by events. */
  async loadList(filter: ConversationFilter): Promise<void> {
    this.#activeFilter = filter;
    const wasLoaded = this.#snapshot.lists[filter] === 'loaded';
    if (!wasLoaded) this.#setList(filter, 'loading');
    const heardSince = this.#participants.startRead();
    try {
      const { conversations } = await this.#api.listConversations(filter);
      this.#applyRead(mergeSummaries(this.#snapshot.cache, conversations), conversations, heardSince);
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

  /**
   * Reads the page of `limit` events before the oldest held one (to open at an older message, search
   * asks for more than a screenful). Resolves false when the request failed, true otherwise.
   */
  async loadOlder(id: string, limit = OLDER_PAGE_SIZE): Promise<boolean> {
    const entry = this.#snapshot.cache.conversations.get(id);
    const firstSeq = entry?.events?.[0]?.data.seq;
    if (!entry?.hasMore || firstSeq === undefined || this.#snapshot.loadingOlder.has(id)) return true;
    this.#setLoadingOlder(id, true);
    try {
      const detail = await this.#api.getConversation(id, { beforeSeq: firstSeq, limit });
      this.#setCache(applyOlderPage(this.#snapshot.cache, detail));
      return true;
    } catch {
      // The button stays; the agent can try again.
      return false;
    } finally {
      this.#setLoadingOlder(id, false);
    }
  }

  /** Queues a message; it is shown at once as pending and (re)sent until acknowledged. */
  send(conversationId: string, body: string, kind?: 'note', attachments?: readonly Attachment[]): void {
    const text = body.trim();
    if (text === '' && !attachments?.length) return;
    const item = this.#outbox.add(conversationId, text, undefined, undefined, kind, attachments);
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

  async resolve(conversationId: string): Promise<void> {
    await this.#command({ type: 'conversation.resolve', id: this.#nextFrameId(), data: { conversationId } });
  }

  /**
   * Gives the conversation to a member (assigneeId = the agent's own id: "take it"); resolves once stored.
   * onlyIfUnassigned refuses (conversation/already_assigned) when someone took it first.
   */
  async assign(
    conversationId: string,
    assigneeId: string,
    options: { onlyIfUnassigned?: boolean } = {},
  ): Promise<ConversationSummary> {
    const frame: CommandFrame = {
      type: 'conversation.assign',
      id: this.#nextFrameId(),
      data: { conversationId, assigneeId, ...(options.onlyIfUnassigned ? { onlyIfUnassigned: true } : {}) },
    };
    const heardSince = this.#participants.startRead();
    const { conversation } = (await this.#command(frame)) as ConversationAssignResult;
    // The conversation.assigned event normally comes first; if not, the ack's summary shows it at once.
    if (conversation) this.#applyRead(mergeSummaries(this.#snapshot.cache, [conversation]), [conversation], heardSince);
    return conversation;
  }

  /** Sets status (snoozedUntil with snoozed) or priority; the ack's summary shows it at once. */
  async setStatusOrPriority(
    data: { conversationId: string } & (
      | { status: ConversationStatus; snoozedUntil?: string }
      | { priority: ConversationPriority }
    ),
  ): Promise<void> {
    const frame: CommandFrame =
      'priority' in data
        ? { type: 'conversation.set_priority', id: this.#nextFrameId(), data }
        : { type: 'conversation.set_status', id: this.#nextFrameId(), data };
    const heardSince = this.#participants.startRead();
    const { conversation } = (await this.#command(frame)) as ConversationAssignResult;
    if (conversation) this.#applyRead(mergeSummaries(this.#snapshot.cache, [conversation]), [conversation], heardSince);
  }

  /**
   * A join or leave over REST (`change` answers with the participants after it): applied to the held summary
   * at once, as the socket's participants_changed may come later, or never to a socket that is not live.
   */
  async changeParticipants(conversationId: string, change: () => Promise<ParticipantList>): Promise<ParticipantList> {
    const heardSince = this.#participants.startRead();
    const result = await change();
    if (heardSince(conversationId) === null) this.#applyParticipants(conversationId, result.participants);
    return result;
  }

  /** Puts the conversation back at the front of its queue, for someone else if anyone can take it. */
  async handBack(conversationId: string): Promise<void> {
    await this.#command({ type: 'conversation.hand_back', id: this.#nextFrameId(), data: { conversationId } });
  }

  /** Online or away (away keeps current conversations but gets no new ones); shown at once, kept on ack. */
  async setPresence(status: PresenceStatus): Promise<void> {
    this.#setTeam(startPresenceChange(this.#snapshot.team, status));
    try {
      const result = (await this.#command({
        type: 'presence.set',
        id: this.#nextFrameId(),
        data: { status },
      })) as PresenceSetResult;
      this.#setTeam(applyPresenceAck(this.#snapshot.team, result.status ?? status, this.#userId));
    } catch (error) {
      this.#setTeam(abortPresenceChange(this.#snapshot.team));
      throw error;
    }
  }

  /** Reads the inboxes, then each inbox's queue in order; kept live by `queue.summary` afterwards. */
  loadQueues(): Promise<void> {
    if (this.#inboxesLoad) return this.#inboxesLoad;
    const load = async () => {
      const wasLoaded = this.#snapshot.queues.status === 'loaded';
      if (!wasLoaded) this.#setQueues(setQueuesStatus(this.#snapshot.queues, 'loading'));
      try {
        const { inboxes } = await this.#api.listInboxes();
        this.#setQueues(applyInboxes(this.#snapshot.queues, inboxes));
      } catch {
        if (!wasLoaded) this.#setQueues(setQueuesStatus(this.#snapshot.queues, 'error'));
        return;
      }
      await Promise.all(this.#snapshot.queues.inboxes.map((inbox) => this.loadQueue(inbox.id)));
    };
    this.#inboxesLoad = load().finally(() => {
      this.#inboxesLoad = null;
    });
    return this.#inboxesLoad;
  }

  /**
   * Reads one inbox's queue order. Reads do not overlap: a `queue.summary` arriving while one is in
   * flight makes its answer stale, so it is dropped and the queue read again.
   */
  async loadQueue(inboxId: string): Promise<void> {
    const running = this.#queueLoads.get(inboxId);
    if (running) {
      running.isStale = true;
      return;
    }
    const load: QueueLoad = { isStale: false };
    this.#queueLoads.set(inboxId, load);
    const hasEntries = this.#snapshot.queues.byInbox.get(inboxId)?.entries != null;
    if (!hasEntries) this.#setQueues(setQueueStatus(this.#snapshot.queues, inboxId, 'loading'));
    try {
      for (;;) {
        load.isStale = false;
        try {
          const queue = await this.#api.getQueue(inboxId);
          if (load.isStale) continue;
          this.#setQueues(applyQueue(this.#snapshot.queues, queue));
        } catch {
          if (load.isStale) continue;
          const current = this.#snapshot.queues.byInbox.get(inboxId);
          if (!current?.entries) this.#setQueues(setQueueStatus(this.#snapshot.queues, inboxId, 'error'));
        }
        break;
      }
    } finally {
      this.#queueLoads.delete(inboxId);
    }
    void this.#loadMissingSummaries();
  }

  /** Reads the members and their presence (the agent's own status among them). */
  loadMembers(): Promise<void> {
    if (this.#membersLoad) return this.#membersLoad;
    const load = async () => {
      const wasLoaded = this.#snapshot.team.status === 'loaded';
      if (!wasLoaded) this.#setTeam(setMembersStatus(this.#snapshot.team, 'loading'));
      try {
        const { members } = await this.#api.listMembers();
        this.#setTeam(applyMembers(this.#snapshot.team, members, this.#userId));
      } catch {
        if (!wasLoaded) this.#setTeam(setMembersStatus(this.#snapshot.team, 'error'));
      }
    };
    this.#membersLoad = load().finally(() => {
      this.#membersLoad = null;
    });
    return this.#membersLoad;
  }

  /** Sends a command and settles with its ack's data, or its error; fails at once while offline. */
  #command(frame: CommandFrame): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.#commands.set(frame.id, { kind: 'command', resolve, reject });
      const isSent = this.#connection.send(frame);
      if (!isSent) {
        this.#commands.delete(frame.id);
        reject(new ApiError(0, 'network/offline', 'You are offline. Try again when the connection is back.'));
      }
    });
  }

  /** Queued conversations the cache does not know (e.g. older than the loaded list) are read with the open list. */
  async #loadMissingSummaries(): Promise<void> {
    const missing = selectMissingSummaries(this.#snapshot.queues, this.#snapshot.cache).filter(
      (id) => !this.#requestedSummaries.has(id),
    );
    if (missing.length === 0) return;
    for (const id of missing) this.#requestedSummaries.add(id);
    const heardSince = this.#participants.startRead();
    try {
      const { conversations } = await this.#api.listConversations('open');
      this.#applyRead(mergeSummaries(this.#snapshot.cache, conversations), conversations, heardSince);
    } catch {
      for (const id of missing) this.#requestedSummaries.delete(id);
    }
  }

  #transmit(item: OutboxItem): void {
    if (this.#isInFlight(item.clientId)) return;
    const id = this.#nextFrameId();
    this.#commands.set(id, { kind: 'send', clientId: item.clientId });
    const isSent = this.#connection.send({
      type: 'message.send',
      id,
      data: {
        clientId: item.clientId,
        conversationId: item.conversationId,
        body: item.body,
        ...(item.kind === 'note' ? { kind: 'note' as const } : {}),
        ...(item.attachments ? { attachmentIds: item.attachments.map((attachment) => attachment.id) } : {}),
      },
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
    // Reads in flight, or done while the socket was not live, may have missed what happened while offline:
    // follow them, then read again.
    const unfollowed = new Set([...this.#snapshot.cache.reloading.keys(), ...this.#unfollowedReads]);
    this.#unfollowedReads.clear();
    for (const id of unfollowed) if (!this.#followed.has(id)) void this.#reload(id);
    void this.loadList(this.#activeFilter);
    // Queue summaries are sent only when a queue changes, and presence may have changed while away.
    void this.loadQueues();
    void this.loadMembers();
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
    for (const listener of this.#frameListeners) listener(frame, this.#snapshot);
    switch (frame.type) {
      case 'ack':
        this.#handleAck(frame.id, frame.data);
        return;
      case 'error':
        this.#handleError(frame.id, frame.data.code, frame.data.message);
        return;
      case 'conversations.changed':
        this.#applyCacheUpdate(applyChangedFrame(this.#snapshot.cache, frame.data, (id) => this.#followed.has(id)));
        return;
      case 'conversation.resync_required':
        this.#applyCacheUpdate(startReload(this.#snapshot.cache, frame.data.conversationId));
        return;
      case 'queue.summary':
        this.#setQueues(applyQueueSummary(this.#snapshot.queues, frame.data));
        // An empty queue has no order to read, but a read in flight must still be redone (it is stale).
        if (needsQueueReload(frame.data) || this.#queueLoads.has(frame.data.inboxId)) {
          void this.loadQueue(frame.data.inboxId);
        }
        return;
      // Labels have no seq and live beside the cache, in the label store.
      case 'conversation.labels_changed':
        rememberConversationLabels([{ id: frame.data.conversationId, labels: frame.data.labels }]);
        return;
      case 'labels.changed':
        applyWorkspaceLabels(frame.data.labels);
        return;
      // Mentions and participants have no seq: their own stores hear them through onFrame.
      case 'mention.created':
      case 'mentions.read':
        return;
      case 'conversation.participants_changed':
        this.#applyParticipants(frame.data.conversationId, frame.data.participants);
        return;
      // Typing, read receipts and viewers have no seq: the typing store hears them through onFrame.
      case 'typing':
      case 'conversation.read_up_to':
      case 'conversation.viewer':
      case 'session.ready':
      case 'pong':
      // Visitors' places in line: agents see the whole queue instead.
      case 'queue.position':
        return;
      default:
        this.#applyCacheUpdate(applyEvent(this.#snapshot.cache, frame));
    }
  }

  #handleAck(id: string, data: unknown): void {
    const command = this.#commands.get(id);
    if (!command) return;
    this.#commands.delete(id);
    if (command.kind === 'command') {
      command.resolve(data);
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
    if (command.kind === 'command') {
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

  /** A REST read went into the cache: its participants too, unless the socket told newer ones since it began. */
  #applyRead(
    update: CacheUpdate,
    read: readonly ConversationSummary[],
    heardSince: (conversationId: string) => readonly string[] | null,
  ): void {
    this.#applyCacheUpdate({ ...update, state: withReadParticipantIds(update.state, read, heardSince) });
  }

  #applyParticipants(conversationId: string, participants: readonly Participant[]): void {
    this.#participants.hear(
      conversationId,
      participants.map((participant) => participant.id),
    );
    this.#setCache(withParticipantIds(this.#snapshot.cache, { conversationId, participants }));
  }

  /** Asks the socket for every event of the conversation from now on; offline, the next hello resumes it. */
  async #follow(id: string): Promise<void> {
    if (this.#followed.has(id)) return;
    try {
      await this.#command({ type: 'conversation.follow', id: this.#nextFrameId(), data: { conversationId: id } });
      this.#followed.add(id);
    } catch (error) {
      // Offline or not found: the read below says which, and shows it. Offline, session.ready follows it.
      if (isApiError(error, 'network/offline')) this.#unfollowedReads.add(id);
    }
  }

  /** Follows the conversation first, so nothing between the read and the live events is missed. */
  async #reload(id: string): Promise<void> {
    await this.#follow(id);
    const heardSince = this.#participants.startRead();
    try {
      const detail = await this.#api.getConversation(id);
      this.#applyRead(applyDetail(this.#snapshot.cache, detail), [detail.conversation], heardSince);
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
      if (command.kind === 'command') command.reject(new ApiError(0, 'network/offline', reason));
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

  #setQueues(queues: QueueState): void {
    if (queues === this.#snapshot.queues) return;
    this.#snapshot = { ...this.#snapshot, queues };
    this.#emit();
  }

  #setTeam(team: TeamState): void {
    if (team === this.#snapshot.team) return;
    this.#snapshot = { ...this.#snapshot, team };
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
