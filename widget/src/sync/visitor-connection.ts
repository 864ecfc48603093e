import type { ServerFrame, VisitorFrame } from '@parley/api/protocol';
import {
  CLOSE_CODES,
  LIMITS,
  PROTOCOL_VERSION,
  RECONNECTABLE_CLOSE_CODES,
  SUBPROTOCOL,
  TOKEN_SUBPROTOCOL_PREFIX,
} from '@parley/api/protocol/constants';
import { computeBackoffDelay } from '@parley/api/protocol/reconnect';
import type { ResumeEntry } from './conversation-store.ts';

export type ConnectionState = 'idle' | 'connecting' | 'live' | 'reconnecting';

/** The part of the browser WebSocket this module uses; tests pass a fake. */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface VisitorConnectionOptions {
  url: string;
  createSocket(url: string, protocols: string[]): SocketLike;
  /**
   * Runs before every connection attempt and returns the visitor token to connect with
   * (creating a session when needed), or null to give up and stay idle. Throwing counts as
   * a network failure: the attempt is retried with backoff. `wasRefused` says the previous
   * socket closed before it opened: the server may have refused the upgrade (an unknown
   * token answers 401 before the upgrade, which a browser reports only as close code 1006).
   */
  prepare(attempt: number, wasRefused: boolean): Promise<string | null>;
  getResume(): ResumeEntry[];
  onFrame(frame: ServerFrame): void;
  /** session.ready arrived: replay is over and commands may be sent. */
  onReady(): void;
  onStateChange(state: ConnectionState): void;
  /** Close code 4001. Return true to try again (with a new session) after a backoff delay. */
  onUnauthorized(): boolean;
  timers?: Timers;
  random?: () => number;
}

const SILENCE_GRACE_MS = 10_000;

const defaultTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * One visitor WebSocket kept alive: hello with resume, session.ready, heartbeat, silence
 * detection and reconnect with backoff. It knows nothing about conversations; frames go to
 * onFrame in arrival order.
 */
export class VisitorConnection {
  readonly #options: VisitorConnectionOptions;
  readonly #timers: Timers;
  #state: ConnectionState = 'idle';
  #socket: SocketLike | null = null;
  /** Bumped whenever the current attempt is abandoned, so late callbacks of an old one are ignored. */
  #generation = 0;
  #attempt = 0;
  #hasOpened = true;
  #heartbeatMs: number = LIMITS.heartbeatMs;
  #reconnectTimer: unknown = null;
  #pingTimer: unknown = null;
  #silenceTimer: unknown = null;

  constructor(options: VisitorConnectionOptions) {
    this.#options = options;
    this.#timers = options.timers ?? defaultTimers;
  }

  get state(): ConnectionState {
    return this.#state;
  }

  /** Connects unless already connected or trying to. */
  start(): void {
    if (this.#state !== 'idle') return;
    this.#attempt = 0;
    this.#hasOpened = true;
    void this.#connect();
  }

  /** Closes for good (until start is called again). */
  stop(): void {
    this.#generation++;
    this.#clearTimers();
    this.#dropSocket(CLOSE_CODES.normal);
    this.#setState('idle');
  }

  /** Skips the remaining backoff wait, e.g. when the browser says it is back online. */
  reconnectNow(): void {
    if (this.#state !== 'reconnecting' || this.#reconnectTimer === null) return;
    this.#timers.clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
    void this.#connect();
  }

  /** Sends a frame if the session is live; returns whether it went out. */
  send(frame: VisitorFrame): boolean {
    if (this.#state !== 'live' || !this.#socket) return false;
    try {
      this.#socket.send(JSON.stringify(frame));
      return true;
    } catch {
      return false;
    }
  }

  async #connect(): Promise<void> {
    const generation = ++this.#generation;
    this.#setState(this.#attempt === 0 ? 'connecting' : 'reconnecting');
    const wasRefused = !this.#hasOpened;
    this.#hasOpened = false;
    let token: string | null;
    try {
      token = await this.#options.prepare(this.#attempt, wasRefused);
    } catch {
      if (generation === this.#generation) this.#scheduleReconnect();
      return;
    }
    if (generation !== this.#generation) return;
    if (token === null) {
      this.#setState('idle');
      return;
    }
    let socket: SocketLike;
    try {
      socket = this.#options.createSocket(this.#options.url, [SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX + token]);
    } catch {
      this.#scheduleReconnect();
      return;
    }
    this.#socket = socket;
    this.#heartbeatMs = LIMITS.heartbeatMs;
    this.#armSilenceTimer();
    socket.onopen = () => {
      this.#hasOpened = true;
      this.#armSilenceTimer();
      this.#write({ type: 'hello', data: { protocol: PROTOCOL_VERSION, resume: this.#options.getResume() } });
    };
    socket.onmessage = (event) => this.#handleMessage(event.data);
    socket.onclose = (event) => this.#handleClose(event.code);
    socket.onerror = () => {
      // A close event always follows; it decides what happens next.
    };
  }

  #handleMessage(data: unknown): void {
    this.#armSilenceTimer();
    if (typeof data !== 'string') return;
    let frame: ServerFrame;
    try {
      frame = JSON.parse(data) as ServerFrame;
    } catch {
      return;
    }
    if (typeof frame !== 'object' || frame === null || typeof frame.type !== 'string') return;
    if (frame.type === 'pong') return;
    if (frame.type === 'session.ready') {
      const heartbeatMs = frame.data?.heartbeatMs;
      if (typeof heartbeatMs === 'number' && heartbeatMs >= 1000) this.#heartbeatMs = heartbeatMs;
      this.#attempt = 0;
      this.#armSilenceTimer();
      this.#schedulePing();
      this.#setState('live');
      this.#options.onReady();
      return;
    }
    this.#options.onFrame(frame);
  }

  #handleClose(code: number): void {
    this.#socket = null;
    this.#clearTimers();
    if (code === CLOSE_CODES.unauthorized) {
      if (this.#options.onUnauthorized()) this.#scheduleReconnect();
      else this.#setState('idle');
      return;
    }
    if (RECONNECTABLE_CLOSE_CODES.includes(code)) this.#scheduleReconnect();
    else this.#setState('idle');
  }

  #scheduleReconnect(): void {
    this.#dropSocket();
    this.#clearTimers();
    this.#setState('reconnecting');
    const delay = computeBackoffDelay(this.#attempt, this.#options.random);
    this.#attempt++;
    this.#reconnectTimer = this.#timers.setTimeout(() => {
      this.#reconnectTimer = null;
      void this.#connect();
    }, delay);
  }

  #armSilenceTimer(): void {
    if (this.#silenceTimer !== null) this.#timers.clearTimeout(this.#silenceTimer);
    this.#silenceTimer = this.#timers.setTimeout(() => {
      this.#silenceTimer = null;
      // The peer is gone; a close handshake could take minutes, so abandon the socket now.
      this.#scheduleReconnect();
    }, this.#heartbeatMs + SILENCE_GRACE_MS);
  }

  #schedulePing(): void {
    if (this.#pingTimer !== null) this.#timers.clearTimeout(this.#pingTimer);
    this.#pingTimer = this.#timers.setTimeout(() => {
      this.#pingTimer = null;
      if (this.#write({ type: 'ping' })) this.#schedulePing();
    }, this.#heartbeatMs);
  }

  #write(frame: VisitorFrame): boolean {
    if (!this.#socket) return false;
    try {
      this.#socket.send(JSON.stringify(frame));
      return true;
    } catch {
      return false;
    }
  }

  #dropSocket(code?: number): void {
    const socket = this.#socket;
    if (!socket) return;
    this.#socket = null;
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
    try {
      socket.close(code);
    } catch {
      // Already closed.
    }
  }

  #clearTimers(): void {
    for (const timer of [this.#reconnectTimer, this.#pingTimer, this.#silenceTimer]) {
      if (timer !== null) this.#timers.clearTimeout(timer);
    }
    this.#reconnectTimer = null;
    this.#pingTimer = null;
    this.#silenceTimer = null;
  }

  #setState(state: ConnectionState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#options.onStateChange(state);
  }
}
