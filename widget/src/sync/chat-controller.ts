import type {
  Attachment,
  ConversationEvent,
  ConversationEventType,
  Message,
  ServerFrame,
  VisitorIdentity,
  WidgetAvailability,
  WidgetConfig,
  WidgetSession,
} from '@parley/api/protocol';
import { LIMITS } from '@parley/api/protocol/constants';
import { computeBackoffDelay } from '@parley/api/protocol/reconnect';
import type { ParleyEventName, ParleyEvents } from '../../parley.d.ts';
import { findEndedConversationId } from '../csat/ended-conversation.ts';
import type { EmitHostEvent } from '../host/host-api.ts';
import type { ApiClient, SessionFacts } from './api-client.ts';
import { ApiError } from './api-request.ts';
import { createClientId } from './client-id.ts';
import { ConversationStore, type QueuePlace } from './conversation-store.ts';
import { Outbox, type OutboxEntry } from './outbox.ts';
import {
  getOutboxKey,
  getResumeKey,
  getTokenKey,
  getUserKey,
  type KeyValueStorage,
  listVisitorKeys,
} from './storage.ts';
import { buildTimeline, type TimelineItem } from './timeline.ts';
import { loadTypingTracker } from './typing-loader.ts';
import type { TypingTracker } from './typing-tracker.ts';
import { type ConnectionState, type SocketLike, type Timers, VisitorConnection } from './visitor-connection.ts';

/** Everything the UI draws, replaced (never mutated) on every change. */
export interface WidgetSnapshot {
  config: WidgetConfig;
  isOpen: boolean;
  connection: ConnectionState;
  /** The api refused this page (origin not allowed, inbox gone): chat is unavailable. */
  isUnavailable: boolean;
  timeline: TimelineItem[];
  /** Agent messages that arrived while the panel was closed. */
  unreadCount: number;
  /** What the polite live region reads out last: an agent message, a new place in line, an agent joining, "away". */
  announcement: Announcement | null;
  /** The open conversation's place in line while it waits for an agent. */
  queue: QueuePlace | null;
  /** Whether anyone can answer now; null until the panel was first opened and the answer came. */
  availability: WidgetAvailability | null;
  /** The email form shown while away. */
  contact: ContactState;
  /**
   * The api refused the visitor's identity: 'required' (the inbox only talks to signed-in users and the
   * page has not identified one) or 'invalid' (the hash did not match). The panel asks to sign in.
   */
  identityProblem: IdentityProblem | null;
  /** The newest conversation when it is resolved: the panel offers a rating, the transcript, a new conversation. */
  endedId: string | null;
  /** The agent typing a reply now ("Anna is typing…"), or null. */
  typingName: string | null;
}

export type IdentityProblem = 'required' | 'invalid';

/** Each announcement has a new id, so the live region reads it even when its text repeats. */
export type Announcement =
  | { kind: 'message'; id: string; name: string | null; body: string }
  | { kind: 'queue'; id: string; position: number; estimatedWaitSeconds: number | null }
  | { kind: 'assigned'; id: string; name: string }
  | { kind: 'away'; id: string; nextOpenAt: string | null };

export type ContactState =
  | { status: 'idle' }
  | { status: 'saving'; email: string }
  | { status: 'saved'; email: string }
  /** code: the api's error code ('request/invalid' for a bad address, 'rate/limited'…) or 'network/unreachable'. */
  | { status: 'failed'; email: string; code: string };

/** True when nobody can answer now: outside business hours, or no agent online. */
export function isAway(availability: WidgetAvailability | null): boolean {
  return availability !== null && (!availability.isWithinHours || !availability.isAgentOnline);
}

export interface ChatControllerOptions {
  siteKey: string;
  /** The inbox settings, which widget.js loaded to draw the launcher (and announced as ready). */
  config: WidgetConfig;
  api: ApiClient;
  storage: KeyValueStorage;
  wsUrl: string;
  createSocket(url: string, protocols: string[]): SocketLike;
  createClientId?: () => string;
  now?: () => Date;
  timers?: Timers;
  random?: () => number;
  logError?: (message: string, error?: unknown) => void;
  /** Tells the host page's handlers (Parley('on', …)) about ready, open, close, message and unread. */
  emit?: EmitHostEvent;
}

const CONVERSATION_EVENT_TYPES: ReadonlySet<string> = new Set<ConversationEventType>([
  'conversation.created',
  'message.created',
  'conversation.assigned',
  'conversation.unassigned',
  'conversation.resolved',
  'conversation.reopened',
  'conversation.rated',
  'conversation.status_changed',
  // Internal notes and priority changes: a seq with nothing to show.
  'conversation.seq_skipped',
]);

function isConversationEvent(frame: ServerFrame): frame is ConversationEvent {
  return CONVERSATION_EVENT_TYPES.has(frame.type);
}

/** Errors after which a send is retried without a conversationId (a new conversation). */
const START_NEW_CONVERSATION_CODES = new Set(['conversation/resolved', 'conversation/not_found']);
const GAP_RELOAD_ATTEMPTS = 3;
/**
 * What waited in the outbox goes out on session.ready: this many at once, then one every FLUSH_GAP_MS, so the
 * widget itself never trips the api's frame limit (LIMITS.framesPerSecond, with a burst of twice that).
 */
const FLUSH_BURST = LIMITS.framesPerSecond;
const FLUSH_GAP_MS = 2000 / LIMITS.framesPerSecond;
/** Availability is asked for at most this often, only while the panel is open (the api caches it 15 s). */
export const AVAILABILITY_REFRESH_MS = 60_000;

/**
 * The visitor's chat: config, session, socket, conversations and outbox, glued together.
 * The UI reads snapshots and calls open/close/send/retry; nothing here touches the DOM.
 */
export class ChatController {
  readonly #options: ChatControllerOptions;
  readonly #tokenKey: string;
  readonly #outboxKey: string;
  readonly #userKey: string;
  readonly #resumeKey: string;
  readonly #store = new ConversationStore();
  readonly #outbox: Outbox;
  readonly #connection: VisitorConnection;
  /** Typing both ways and read receipts (on demand: null until the socket was first live); the composer tells it the draft. */
  typing: TypingTracker | null = null;
  #typingLoad: Promise<void> | null = null;
  /** The last typing frame heard before the typing chunk arrived: shown once it has. */
  #earlyTyping: ServerFrame | null = null;
  readonly #timers: Timers;
  readonly #listeners = new Set<() => void>();
  /** frame id of an unanswered message.send → its clientId. */
  readonly #inflight = new Map<string, string>();
  /** Conversations being reloaded over REST → events that arrived meanwhile. */
  readonly #reloading = new Map<string, ConversationEvent[]>();
  #frameCounter = 0;
  /** Bumped on every session.ready: a paced resend of an earlier connection is dropped. */
  #readyCount = 0;
  #announcementCounter = 0;
  #hasSession = false;
  /** The session call under way, shared by the socket and the email form so a visitor is made once. */
  #sessionRequest: Promise<WidgetSession> | null = null;
  #availability: WidgetAvailability | null = null;
  /** An availability answer younger than AVAILABILITY_REFRESH_MS (or a request under way). */
  #isAvailabilityFresh = false;
  #availabilityTimer: unknown = null;
  #contact: ContactState = { status: 'idle' };
  #visitorId: string | null = null;
  #isOpen = false;
  #isUnavailable = false;
  #unreadCount = 0;
  #announcement: Announcement | null = null;
  /** The place in line last read out, so only moves are announced. */
  #announcedPlace: QueuePlace | null = null;
  /** From Parley('identify'): sent with every session call until reset. */
  #identity: VisitorIdentity | null = null;
  /** From Parley('setAttributes'); null until the page set any. */
  #attributes: Record<string, string> | null = null;
  /** The facts (identity, attributes) the current session was made with, as JSON; null without a session. */
  #sessionFacts: string | null = null;
  /** The site's user id the current session is verified as; null for an anonymous one or without a session. */
  #sessionUser: string | null = null;
  #identityProblem: IdentityProblem | null = null;
  /** Bumped by reset: answers to requests made before it are dropped. */
  #epoch = 0;
  #isSyncScheduled = false;
  /** Host page events waiting for the end of the current change (handlers see the new snapshot). */
  readonly #hostEvents: Array<() => void> = [];
  #isDelivering = false;
  #reportedUnread = 0;
  #snapshot: WidgetSnapshot;

  constructor(options: ChatControllerOptions) {
    this.#options = options;
    this.#tokenKey = getTokenKey(options.siteKey);
    this.#outboxKey = getOutboxKey(options.siteKey);
    this.#userKey = getUserKey(options.siteKey);
    this.#resumeKey = getResumeKey(options.siteKey);
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
      onStateChange: (state) => {
        // Typing frames cannot come while the socket is down: "Anna is typing…" would stay up for nothing.
        if (state !== 'live') this.typing?.disconnected();
        this.#emit();
      },
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
   * Reconnects a returning visitor who has an open conversation (or unsent messages). A visitor who
   * never chatted gets no session and no socket here.
   */
  async start(): Promise<void> {
    await this.#reconnectReturning();
  }

  /** A visitor with a token gets their session; with an open conversation (or unsent messages) the socket too. */
  async #reconnectReturning(): Promise<void> {
    if (this.#options.storage.getItem(this.#tokenKey)) {
      try {
        await this.#startSession();
      } catch {
        // #startSession noted what went wrong; a network failure is retried by the socket below.
      }
    }
    if (this.#identityProblem || this.#isUnavailable) return;
    const hasOpenConversation = this.#store.getOpenConversationId() !== null;
    if (hasOpenConversation || this.#outbox.listPending().length > 0) this.#connection.start();
  }

  open(): void {
    if (this.#isOpen) return;
    this.#isOpen = true;
    this.#unreadCount = 0;
    this.#hostEvent('open');
    this.#emit();
    if (!this.#isAvailabilityFresh) void this.#refreshAvailability();
    // After a refused identity only identify or reset can change the answer: opening again asks nothing.
    if (this.#connection.state === 'idle' && !this.#identityProblem) {
      this.#isUnavailable = false;
      this.#connection.start();
    }
  }

  close(): void {
    if (!this.#isOpen) return;
    this.#isOpen = false;
    this.#hostEvent('close');
    this.#emit();
  }

  toggle(): void {
    if (this.#isOpen) this.close();
    else this.open();
  }

  /**
   * The site's signed-in user. Sent with the next session call; with a session already (another user,
   * or none before), a new session call is made now and the socket reconnects if the token changed.
   * Before the visitor ever chatted, nothing is sent: the first session call carries it.
   */
  identify(identity: VisitorIdentity): void {
    if (JSON.stringify(identity) === JSON.stringify(this.#identity)) return;
    this.#identity = identity;
    if (this.#identityProblem) {
      // The refusal was about another identity (or none): try again, as a returning visitor would.
      this.#identityProblem = null;
      this.#emit();
      if (this.#isOpen) this.#connection.start();
      else void this.#reconnectReturning();
      return;
    }
    this.#scheduleSync();
  }

  /** The host page's attributes (the whole set): stored with the next session call, or now if a session exists. */
  setAttributes(attributes: Record<string, string>): void {
    this.#attributes = { ...attributes };
    this.#scheduleSync();
  }

  /**
   * The host page signed its user out: forget this site key's token, outbox and user, close the socket
   * and the panel, and show a fresh widget. The next chat is a new anonymous visitor.
   */
  reset(): void {
    this.#epoch++;
    this.#sessionRequest = null;
    this.#connection.stop();
    for (const key of listVisitorKeys(this.#options.siteKey)) this.#options.storage.removeItem(key);
    this.#forgetVisitor();
    this.#identity = null;
    this.#attributes = null;
    this.#identityProblem = null;
    this.#isUnavailable = false;
    this.#announcement = null;
    this.#announcedPlace = null;
    this.#contact = { status: 'idle' };
    if (this.#isOpen) {
      this.#isOpen = false;
      this.#hostEvent('close');
    }
    this.#emit();
  }

  /** Queues a message; it is shown at once as pending and sent when the socket is live. */
  send(text: string, attachments?: Attachment[]): boolean {
    const body = text.trim();
    if ((body.length === 0 && !attachments) || body.length > LIMITS.messageMaxLength) return false;
    const entry = this.#outbox.add({
      clientId: (this.#options.createClientId ?? createClientId)(),
      body,
      createdAt: (this.#options.now?.() ?? new Date()).toISOString(),
      attachments,
    });
    this.#emit();
    this.#deliver(entry);
    return true;
  }

  /** Sends a failed message again under its clientId, so the api stores it once however often it comes. */
  retry(clientId: string): void {
    if (this.#outbox.get(clientId)?.status !== 'failed') return;
    const entry = this.#outbox.markPending(clientId);
    if (!entry) return;
    this.#emit();
    this.#deliver(entry);
  }

  /** The visitor gives up on a failed message: it leaves the outbox (every tab's) and the screen for good. */
  discard(clientId: string): void {
    if (this.#outbox.discard(clientId)) this.#emit();
  }

  /**
   * Saves the email a visitor leaves while nobody can answer (replies go there too). Makes the
   * visitor's session first when there is none yet, like a first message does.
   */
  async saveEmail(text: string): Promise<void> {
    const email = text.trim();
    if (this.#contact.status === 'saving') return;
    const epoch = this.#epoch;
    this.#contact = { status: 'saving', email };
    this.#emit();
    try {
      try {
        await this.#options.api.saveContact(await this.#obtainToken(), email);
      } catch (error) {
        // A token the api no longer knows: make a new visitor once, as the socket would.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
        this.#options.storage.removeItem(this.#tokenKey);
        this.#hasSession = false;
        await this.#options.api.saveContact(await this.#obtainToken(), email);
      }
      if (epoch !== this.#epoch) return;
      this.#contact = { status: 'saved', email };
    } catch (error) {
      if (epoch !== this.#epoch) return;
      const code = error instanceof ApiError ? error.code : 'network/unreachable';
      if (!(error instanceof ApiError && error.status === 400)) this.#logError('could not save the email', error);
      this.#contact = { status: 'failed', email, code };
    }
    this.#emit();
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
    if (this.#availabilityTimer !== null) this.#timers.clearTimeout(this.#availabilityTimer);
    this.#availabilityTimer = null;
    this.#listeners.clear();
  }

  /** The token to connect with; a session is (re)made when there is none or the socket was refused. */
  async #prepareConnection(wasRefused: boolean): Promise<string | null> {
    const token = this.#options.storage.getItem(this.#tokenKey);
    if (token && this.#hasSession && !wasRefused) return token;
    try {
      return (await this.#startSession()).token;
    } catch (error) {
      if (this.#isUnavailable || this.#identityProblem) return null;
      throw error;
    }
  }

  /** The visitor's token for the pre-chat form (an on-demand chunk), making their session first when there is none. */
  visitorToken(): Promise<string> {
    return this.#obtainToken();
  }

  /** The visitor's token, making their session first when there is none. */
  async #obtainToken(): Promise<string> {
    const token = this.#options.storage.getItem(this.#tokenKey);
    if (token && this.#hasSession) return token;
    return (await this.#startSession()).token;
  }

  /**
   * One session call at a time: concurrent callers share it (two calls without a token would make two
   * visitors). It carries the host page's identity and attributes; what it was refused for is noted here.
   */
  #startSession(): Promise<WidgetSession> {
    if (!this.#sessionRequest) {
      const epoch = this.#epoch;
      const token = this.#options.storage.getItem(this.#tokenKey);
      const facts = this.#facts();
      const request: Promise<WidgetSession> = this.#options.api.createSession(this.#options.siteKey, token, facts).then(
        (session) => {
          if (epoch !== this.#epoch) throw new Error('Parley: the widget was reset during the session call');
          this.#sessionRequest = null;
          this.#acceptSession(session, facts);
          // identify or setAttributes may have come while the call was under way.
          this.#scheduleSync();
          return session;
        },
        (error: unknown) => {
          if (epoch === this.#epoch) {
            this.#sessionRequest = null;
            this.#noteSessionError(error);
          }
          throw error;
        },
      );
      this.#sessionRequest = request;
    }
    return this.#sessionRequest;
  }

  #facts(): SessionFacts {
    return {
      ...(this.#identity ? { identity: this.#identity } : {}),
      ...(this.#attributes ? { attributes: this.#attributes } : {}),
    };
  }

  /** Several identify/setAttributes calls in a row make one session call. */
  #scheduleSync(): void {
    if (this.#isSyncScheduled) return;
    this.#isSyncScheduled = true;
    queueMicrotask(() => {
      this.#isSyncScheduled = false;
      void this.#syncSession();
    });
  }

  /** Re-sends the session call when identify or setAttributes changed what the current session was made with. */
  async #syncSession(): Promise<void> {
    // Without a session the next one carries the facts; a call under way checks again when it ends.
    if (!this.#hasSession || this.#sessionRequest || this.#identityProblem) return;
    if (JSON.stringify(this.#facts()) === this.#sessionFacts) return;
    const token = this.#options.storage.getItem(this.#tokenKey);
    const wasConnected = this.#connection.state !== 'idle';
    // Another user signs in without reset(): the last one's socket and messages go first, so nothing of
    // theirs shows meanwhile, and a failed call cannot fall back to their token.
    const isSwitch = this.#sessionUser !== null && this.#identity?.userId !== this.#sessionUser;
    if (isSwitch) {
      this.#connection.stop();
      this.#forgetVisitor();
      this.#emit();
    }
    try {
      await this.#startSession();
    } catch {
      // The socket retries the session call itself; after a refusal it stays closed.
      if (isSwitch && wasConnected && !this.#identityProblem && !this.#isUnavailable) this.#connection.start();
      return;
    }
    // Another visitor has another token: the socket reconnects with it.
    const isNewToken = this.#options.storage.getItem(this.#tokenKey) !== token;
    if (wasConnected && (isSwitch || isNewToken)) {
      this.#connection.stop();
      this.#connection.start();
    }
  }

  /** Drops the visitor this page was showing (not their stored token): conversations, unread count, session. */
  #forgetVisitor(): void {
    this.#hasSession = false;
    this.#sessionFacts = null;
    this.#sessionUser = null;
    this.#visitorId = null;
    this.#store.clear();
    this.#inflight.clear();
    this.#reloading.clear();
    this.#unreadCount = 0;
  }

  /** Asks whether anyone can answer; again every AVAILABILITY_REFRESH_MS while the panel stays open. */
  async #refreshAvailability(): Promise<void> {
    this.#isAvailabilityFresh = true;
    if (this.#availabilityTimer !== null) this.#timers.clearTimeout(this.#availabilityTimer);
    this.#availabilityTimer = this.#timers.setTimeout(() => {
      this.#availabilityTimer = null;
      this.#isAvailabilityFresh = false;
      if (this.#isOpen) void this.#refreshAvailability();
    }, AVAILABILITY_REFRESH_MS);
    try {
      const availability = await this.#options.api.getAvailability(this.#options.siteKey);
      const wasAway = isAway(this.#availability);
      this.#availability = availability;
      if (isAway(availability) && !wasAway) {
        this.#announce({ kind: 'away', id: '', nextOpenAt: availability.nextOpenAt });
      }
      this.#emit();
    } catch (error) {
      // Keep the last answer; without one the panel simply shows no away notice.
      this.#logError('could not load the availability', error);
    }
  }

  #acceptSession(session: WidgetSession, facts: SessionFacts): void {
    const { storage } = this.#options;
    const previousUser = storage.getItem(this.#userKey);
    const user = facts.identity?.userId ?? (session.isVerified ? previousUser : null);
    // Another user signed in on this browser without reset(): what the last one left unsent is not theirs.
    if (previousUser !== null && user !== previousUser) this.#outbox.clear();
    if (user === null) storage.removeItem(this.#userKey);
    else storage.setItem(this.#userKey, user);
    storage.setItem(this.#tokenKey, session.token);
    if (this.#visitorId !== null && this.#visitorId !== session.visitorId) this.#forgetVisitor();
    this.#visitorId = session.visitorId;
    this.#hasSession = true;
    this.#sessionFacts = JSON.stringify(facts);
    this.#sessionUser = user;
    this.#isUnavailable = false;
    this.#identityProblem = null;
    const { conversation } = session;
    if (conversation) {
      const heldSeq = this.#store.getLastSeq(conversation.id);
      if (heldSeq === null || heldSeq < conversation.lastSeq) this.#store.load(conversation, session.events);
    }
    this.#reconcileOutbox();
    this.#emit();
  }

  #noteSessionError(error: unknown): void {
    if (!(error instanceof ApiError) || error.isRetryable) return;
    const isInvalid = error.code === 'visitor/identity_invalid';
    if (isInvalid || error.code === 'visitor/identity_required') {
      // The chat is closed to this visitor: nothing of it stays on screen and the socket closes. A token
      // got under an identity the api refused is not kept. (Never log the identity: the hash is a credential.)
      this.#identityProblem = isInvalid ? 'invalid' : 'required';
      this.#connection.stop();
      this.#forgetVisitor();
      if (isInvalid) {
        this.#options.storage.removeItem(this.#tokenKey);
        this.#logError("the chat server refused the visitor's identity: check the hash your server computes");
      }
    } else {
      this.#isUnavailable = true;
      this.#logError('the chat server refused this page', error);
    }
    this.#emit();
  }

  #handleUnauthorized(): boolean {
    this.#options.storage.removeItem(this.#tokenKey);
    this.#forgetVisitor();
    this.#emit();
    return this.#isOpen || this.#outbox.listPending().length > 0;
  }

  #handleReady(): void {
    this.#inflight.clear();
    this.#typingLoad ??= loadTypingTracker({
      send: (frame) => this.#connection.send(frame),
      store: this.#store,
      isShowing: () => this.#isOpen && this.#connection.state === 'live',
      changed: () => this.#emit(),
      timers: this.#timers,
      now: Date.now,
    }).then(
      (typing) => {
        this.typing = typing;
        if (this.#earlyTyping) typing.handleFrame(this.#earlyTyping);
        this.#earlyTyping = null;
        this.#emit();
      },
      (error) => this.#logError('could not load typing indicators', error),
    );
    const ready = ++this.#readyCount;
    this.#outbox.listPending().forEach((entry, index) => {
      const wait = (index + 1 - FLUSH_BURST) * FLUSH_GAP_MS;
      if (wait <= 0) {
        this.#transmit(entry);
        return;
      }
      this.#timers.setTimeout(() => {
        const current = this.#outbox.get(entry.clientId);
        if (ready === this.#readyCount && this.#connection.state === 'live' && current?.status === 'pending') {
          this.#transmit(current);
        }
      }, wait);
    });
  }

  #handleFrame(frame: ServerFrame): void {
    if (this.typing) this.typing.handleFrame(frame);
    else if (frame.type === 'typing') this.#earlyTyping = frame;
    else if (frame.type === 'message.created') this.#earlyTyping = null;
    if (isConversationEvent(frame)) this.#handleEvent(frame);
    else if (frame.type === 'ack') this.#handleAck(frame.id, frame.data);
    else if (frame.type === 'error') this.#handleError(frame.id, frame.data.code, frame.data.message);
    else if (frame.type === 'conversation.resync_required') void this.#reload(frame.data.conversationId, []);
    else if (frame.type === 'queue.position') this.#handleQueuePlace(frame.data);
  }

  #handleQueuePlace(place: QueuePlace): void {
    if (typeof place?.conversationId !== 'string' || typeof place.position !== 'number') return;
    this.#store.setQueuePlace(place);
    this.#emit();
  }

  /** Reads out a new place in line (not every change of the estimate), whatever order frames and events came in. */
  #noteQueueMove(): void {
    const openConversationId = this.#store.getOpenConversationId();
    const place = openConversationId ? this.#store.getQueuePlace(openConversationId) : null;
    const last = this.#announcedPlace;
    if (place && (place.conversationId !== last?.conversationId || place.position !== last.position)) {
      this.#announce({
        kind: 'queue',
        id: '',
        position: place.position,
        estimatedWaitSeconds: place.estimatedWaitSeconds,
      });
    }
    this.#announcedPlace = place;
  }

  #announce(announcement: Announcement): void {
    this.#announcement = { ...announcement, id: `${announcement.kind}:${++this.#announcementCounter}` };
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
    if (event.type === 'conversation.assigned') {
      this.#announce({ kind: 'assigned', id: '', name: event.data.assignee.name });
      return;
    }
    if (event.type !== 'message.created') return;
    const { message } = event.data;
    if (message.sender.type !== 'agent') return;
    this.#announce({ kind: 'message', id: '', name: message.sender.name, body: message.body });
    if (!this.#isOpen) this.#unreadCount++;
    this.#hostEvent('message', {
      conversationId: message.conversationId,
      messageId: message.id,
      body: message.body,
      senderName: message.sender.name,
      createdAt: message.createdAt,
    });
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
    // Anything else, 'rate/limited' included, waits for the visitor: the bubble says why, with Retry and Discard.
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
      data: {
        clientId: entry.clientId,
        body: entry.body,
        ...(conversationId ? { conversationId } : {}),
        ...(entry.attachments && { attachmentIds: entry.attachments.map((attachment) => attachment.id) }),
      },
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
    // The answer is dropped when the page was reset or shows another visitor by then.
    const epoch = this.#epoch;
    const visitorId = this.#visitorId;
    const isStale = () => epoch !== this.#epoch || visitorId !== this.#visitorId;
    try {
      const token = this.#options.storage.getItem(this.#tokenKey);
      if (!token) throw new ApiError(401, 'auth/required', 'No visitor token');
      const detail = await this.#options.api.getConversation(token, conversationId);
      if (isStale()) return;
      this.#store.load(detail.conversation, detail.events);
    } catch (error) {
      if (isStale()) return;
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
    const epoch = this.#epoch;
    this.#timers.setTimeout(() => {
      if (epoch === this.#epoch && !this.#store.has(conversationId) && !this.#reloading.has(conversationId)) {
        void this.#reload(conversationId, []);
      }
    }, 1500);
  }

  #reconcileOutbox(): void {
    this.#outbox.removeStored((clientId) => this.#store.hasClientId(clientId));
  }

  #buildSnapshot(): WidgetSnapshot {
    const openConversationId = this.#store.getOpenConversationId();
    const timeline = buildTimeline(this.#store.listConversations(), this.#store.listAcked(), this.#outbox.list());
    return {
      config: this.#options.config,
      isOpen: this.#isOpen,
      connection: this.#connection.state,
      isUnavailable: this.#isUnavailable,
      timeline: this.typing?.markSeen(timeline) ?? timeline,
      typingName: this.typing?.agentName ?? null,
      unreadCount: this.#unreadCount,
      announcement: this.#announcement,
      queue: openConversationId ? this.#store.getQueuePlace(openConversationId) : null,
      availability: this.#availability,
      contact: this.#contact,
      identityProblem: this.#identityProblem,
      endedId: findEndedConversationId(this.#store.listConversations()),
    };
  }

  #emit(): void {
    this.#noteQueueMove();
    this.#storeResume();
    this.#snapshot = this.#buildSnapshot();
    this.typing?.read();
    for (const listener of this.#listeners) listener();
    if (this.#unreadCount !== this.#reportedUnread) {
      this.#reportedUnread = this.#unreadCount;
      this.#hostEvent('unread', this.#unreadCount);
    }
    // After the listeners: a handler that calls Parley('open') sees (and changes) the new state. The
    // events it causes are queued behind the ones still to deliver, so handlers hear them in order.
    if (this.#isDelivering) return;
    this.#isDelivering = true;
    try {
      for (let fire = this.#hostEvents.shift(); fire; fire = this.#hostEvents.shift()) fire();
    } finally {
      this.#isDelivering = false;
    }
  }

  /** Tells the next page view whether to load the chat at once (see getResumeKey). */
  #storeResume(): void {
    const { storage } = this.#options;
    let resume: string | null;
    if (this.#hasSession) {
      const hasOpenChat = this.#store.getOpenConversationId() !== null || this.#outbox.listPending().length > 0;
      resume = hasOpenChat ? '1' : '0';
    } else if (storage.getItem(this.#tokenKey) === null) resume = null;
    else return; // A token whose session has not answered yet: what was stored stays true until it does.
    if (storage.getItem(this.#resumeKey) === resume) return;
    if (resume === null) storage.removeItem(this.#resumeKey);
    else storage.setItem(this.#resumeKey, resume);
  }

  /** Queues a host page event; #emit fires it. */
  #hostEvent<E extends ParleyEventName>(event: E, ...args: Parameters<ParleyEvents[E]>): void {
    const emit = this.#options.emit;
    if (emit) this.#hostEvents.push(() => emit(event, ...args));
  }

  #logError(message: string, error?: unknown): void {
    (this.#options.logError ?? ((text: string, cause?: unknown) => console.error(`Parley: ${text}`, cause ?? '')))(
      message,
      error,
    );
  }
}
