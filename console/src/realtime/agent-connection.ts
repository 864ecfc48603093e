import type { AgentFrame, ServerFrame } from '@parley/api/protocol';
import {
  CLOSE_CODES,
  LIMITS,
  PROTOCOL_VERSION,
  RECONNECTABLE_CLOSE_CODES,
  SUBPROTOCOL,
} from '@parley/api/protocol/constants';
import { computeBackoffDelay } from '@parley/api/protocol/reconnect';
import type { ResumeEntry } from './conversation-cache.ts';

/**
 * idle: not started · connecting: first attempt · live: session.ready received ·
 * reconnecting: lost, waiting or trying again · unauthorized: close 4001 · closed: stopped or final close code.
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'unauthorized' | 'closed';

/** The part of the browser WebSocket this module uses, so tests can pass a fake. */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface ConnectionHandlers {
  /** What the client holds, asked for on every (re)connect. */
  getResume(): ResumeEntry[];
  /** Every server frame except session.ready and pong: replayed and live events, acks, errors, resyncs. */
  onFrame(frame: ServerFrame): void;
  /** After each session.ready (the socket is live). */
  onReady(): void;
  onStatusChange(status: ConnectionStatus): void;
  /** After every close; `wasOpen` is false when the socket never opened (e.g. the upgrade was refused). */
  onClosed?(info: { code: number; wasOpen: boolean }): void;
}

export interface AgentConnectionOptions extends ConnectionHandlers {
  url: string;
  createSocket(url: string, protocols: string[]): SocketLike;
  random?: () => number;
}

/** Silence tolerated beyond the heartbeat interval before the socket is considered dead. */
const SILENCE_GRACE_MS = 10_000;

/** The console's one WebSocket: hello + resume, heartbeat, watchdog and reconnect with backoff. */
export class AgentConnection {
  readonly #options: AgentConnectionOptions;
  #socket: SocketLike | null = null;
  #status: ConnectionStatus = 'idle';
  #attempt = 0;
  #heartbeatMs: number = LIMITS.heartbeatMs;
  #isStopped = true;
  #reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  #pingTimer: ReturnType<typeof setTimeout> | null = null;
  #watchdogTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: AgentConnectionOptions) {
    this.#options = options;
  }

  get status(): ConnectionStatus {
    return this.#status;
  }

  start(): void {
    if (!this.#isStopped) return;
    this.#isStopped = false;
    this.#attempt = 0;
    this.#setStatus('connecting');
    this.#open();
  }

  stop(): void {
    this.#isStopped = true;
    this.#clearTimers();
    this.#dropSocket(CLOSE_CODES.normal, 'client stopped');
    this.#setStatus('closed');
  }

  /** Skips the backoff wait (e.g. the browser says it is back online). */
  reconnectNow(): void {
    if (this.#isStopped || this.#status === 'unauthorized') return;
    if (this.#socket && this.#status !== 'closed') return;
    this.#clearTimers();
    this.#setStatus('reconnecting');
    this.#open();
  }

  /** Sends when live; returns false otherwise (the caller keeps the command and resends after the next ready). */
  send(frame: AgentFrame): boolean {
    if (this.#status !== 'live' || !this.#socket) return false;
    try {
      this.#socket.send(JSON.stringify(frame));
      return true;
    } catch {
      return false;
    }
  }

  #open(): void {
    let wasOpen = false;
    const socket = this.#options.createSocket(this.#options.url, [SUBPROTOCOL]);
    this.#socket = socket;
    this.#armWatchdog(LIMITS.heartbeatMs + SILENCE_GRACE_MS);

    socket.onopen = () => {
      wasOpen = true;
      const hello: AgentFrame = {
        type: 'hello',
        data: { protocol: PROTOCOL_VERSION, resume: this.#options.getResume() },
      };
      socket.send(JSON.stringify(hello));
    };
    socket.onmessage = (event) => {
      this.#armWatchdog(this.#heartbeatMs + SILENCE_GRACE_MS);
      const frame = parseFrame(event.data);
      if (frame) this.#handleFrame(frame);
    };
    socket.onerror = () => {
      // A close event always follows; reconnecting is decided there.
    };
    socket.onclose = (event) => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      this.#clearTimers();
      this.#options.onClosed?.({ code: event.code, wasOpen });
      this.#handleClose(event.code);
    };
  }

  #handleFrame(frame: ServerFrame): void {
    if (frame.type === 'pong') return;
    if (frame.type === 'session.ready') {
      this.#heartbeatMs = frame.data.heartbeatMs > 0 ? frame.data.heartbeatMs : LIMITS.heartbeatMs;
      this.#attempt = 0;
      this.#setStatus('live');
      this.#schedulePing();
      this.#armWatchdog(this.#heartbeatMs + SILENCE_GRACE_MS);
      this.#options.onReady();
      return;
    }
    this.#options.onFrame(frame);
  }

  #handleClose(code: number): void {
    if (this.#isStopped) return;
    if (code === CLOSE_CODES.unauthorized) {
      this.#isStopped = true;
      this.#setStatus('unauthorized');
      return;
    }
    if (RECONNECTABLE_CLOSE_CODES.includes(code)) {
      this.#scheduleReconnect();
      return;
    }
    this.#setStatus('closed');
  }

  #scheduleReconnect(): void {
    this.#setStatus('reconnecting');
    const delay = computeBackoffDelay(this.#attempt++, this.#options.random);
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = null;
      this.#open();
    }, delay);
  }

  #schedulePing(): void {
    if (this.#pingTimer) clearTimeout(this.#pingTimer);
    this.#pingTimer = setTimeout(() => {
      this.#pingTimer = null;
      if (this.#status !== 'live' || !this.#socket) return;
      try {
        this.#socket.send(JSON.stringify({ type: 'ping' }));
      } catch {
        // The close event will follow.
      }
      this.#schedulePing();
    }, this.#heartbeatMs);
  }

  /** Heard nothing for too long: the connection is dead even if the browser has not noticed. */
  #armWatchdog(ms: number): void {
    if (this.#watchdogTimer) clearTimeout(this.#watchdogTimer);
    this.#watchdogTimer = setTimeout(() => {
      this.#watchdogTimer = null;
      this.#clearTimers();
      this.#dropSocket(CLOSE_CODES.normal, 'heartbeat timeout');
      if (!this.#isStopped) this.#scheduleReconnect();
    }, ms);
  }

  #dropSocket(code: number, reason: string): void {
    const socket = this.#socket;
    if (!socket) return;
    this.#socket = null;
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
    try {
      socket.close(code, reason);
    } catch {
      // Already closing.
    }
  }

  #clearTimers(): void {
    for (const timer of [this.#reconnectTimer, this.#pingTimer, this.#watchdogTimer]) {
      if (timer) clearTimeout(timer);
    }
    this.#reconnectTimer = null;
    this.#pingTimer = null;
    this.#watchdogTimer = null;
  }

  #setStatus(status: ConnectionStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    this.#options.onStatusChange(status);
  }
}

function parseFrame(data: unknown): ServerFrame | null {
  if (typeof data !== 'string') return null;
  try {
    const frame: unknown = JSON.parse(data);
    if (typeof frame !== 'object' || frame === null || typeof (frame as { type?: unknown }).type !== 'string') {
      return null;
    }
    return frame as ServerFrame;
  } catch {
    return null;
  }
}

/** The agent socket URL on the page's own origin. */
export function buildAgentSocketUrl(location: Pick<Location, 'protocol' | 'host'>, path: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}
