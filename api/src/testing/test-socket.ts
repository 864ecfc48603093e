import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../protocol/constants.ts';
import type { Message } from '../protocol/entities.ts';
import type { ConversationEvent, ConversationEventType } from '../protocol/events.ts';
import { CONVERSATION_EVENT_TYPES } from '../protocol/events.ts';
import type { ServerFrame } from '../protocol/frames.ts';

const DEFAULT_TIMEOUT_MS = 5_000;

export type AckFrame = Extract<ServerFrame, { type: 'ack' }>;
export type ErrorFrame = Extract<ServerFrame, { type: 'error' }>;
export type ReadyFrame = Extract<ServerFrame, { type: 'session.ready' }>;
export type MessageAck = AckFrame & { data: { message: Message } };

export interface CloseInfo {
  code: number;
  reason: string;
}

/** The server refused the upgrade with an HTTP answer (ws reports it as 'unexpected-response'). */
export class UpgradeRejectedError extends Error {
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, body: unknown) {
    super(`upgrade refused with HTTP ${status}: ${JSON.stringify(body)}`);
    this.status = status;
    this.body = body;
  }
}

interface Waiter {
  predicate: (frame: ServerFrame) => boolean;
  resolve: (frame: ServerFrame) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
  description: string;
}

const eventTypes = new Set<string>(CONVERSATION_EVENT_TYPES);

export function isConversationEvent(frame: ServerFrame): frame is ConversationEvent {
  return eventTypes.has(frame.type);
}

let frameCounter = 0;
/** A frame id unique within the test process. */
export function nextFrameId(): string {
  frameCounter += 1;
  return `f${frameCounter}`;
}

/** A client id of the shape clients generate. */
export function newClientId(): string {
  return randomUUID();
}

/**
 * A real `ws` client socket that records every frame the server sends.
 * `waitFor` hands each recorded frame to at most one waiter, so concurrent waits for
 * different acks do not steal each other's frames; `frames` keeps the full history.
 */
export class TestSocket {
  readonly ws: WebSocket;
  /** Every frame received, in arrival order. */
  readonly frames: ServerFrame[] = [];
  /** Resolves when the socket closes, with the close code the client saw. */
  readonly closed: Promise<CloseInfo>;
  /** Raw text frames that were not JSON (the server should never send one). */
  readonly unparsable: string[] = [];
  #claimed = new Set<number>();
  #waiters: Waiter[] = [];
  #closeInfo: CloseInfo | undefined;

  constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (data, isBinary) => this.#receive(isBinary ? '<binary>' : data.toString()));
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        this.#closeInfo = { code, reason: reason.toString() };
        for (const waiter of this.#waiters.splice(0)) {
          clearTimeout(waiter.timer);
          waiter.reject(
            new Error(
              `socket closed (${code} ${reason.toString()}) while waiting for ${waiter.description}; got ${this.#describeFrames()}`,
            ),
          );
        }
        resolve(this.#closeInfo);
      });
    });
    // Errors end in 'close'; the listener keeps them from being thrown.
    ws.on('error', () => {});
  }

  /** Resolves with the close the client saw; fails if the socket is still open after the timeout. */
  waitForClose(options: { timeoutMs?: number } = {}): Promise<CloseInfo> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the socket was still open after ${timeoutMs} ms; got ${this.#describeFrames()}`)),
        timeoutMs,
      );
    });
    return Promise.race([this.closed, timeout]).finally(() => clearTimeout(timer));
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(frame: object): void {
    this.ws.send(JSON.stringify(frame));
  }

  sendRaw(data: string | Buffer): void {
    this.ws.send(data);
  }

  /** The first unclaimed frame (already received or still to come) that matches; fails after the timeout. */
  waitFor<T extends ServerFrame = ServerFrame>(
    predicate: (frame: ServerFrame) => boolean,
    options: { timeoutMs?: number; description?: string } = {},
  ): Promise<T> {
    const description = options.description ?? predicate.toString();
    for (const [index, frame] of this.frames.entries()) {
      if (!this.#claimed.has(index) && predicate(frame)) {
        this.#claimed.add(index);
        return Promise.resolve(frame as T);
      }
    }
    if (this.#closeInfo) {
      return Promise.reject(
        new Error(
          `socket already closed (${this.#closeInfo.code}) before ${description}; got ${this.#describeFrames()}`,
        ),
      );
    }
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: resolve as (frame: ServerFrame) => void,
        reject,
        description,
        timer: setTimeout(() => {
          this.#waiters = this.#waiters.filter((w) => w !== waiter);
          reject(new Error(`timed out waiting for ${description}; got ${this.#describeFrames()}`));
        }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      };
      this.#waiters.push(waiter);
    });
  }

  waitForType<T extends ServerFrame['type']>(type: T, options: { timeoutMs?: number } = {}) {
    return this.waitFor<Extract<ServerFrame, { type: T }>>((frame) => frame.type === type, {
      ...options,
      description: `a ${type} frame`,
    });
  }

  /** The ack or error answering the command with this frame id. */
  waitForAnswer(id: string, options: { timeoutMs?: number } = {}): Promise<AckFrame | ErrorFrame> {
    return this.waitFor<AckFrame | ErrorFrame>(
      (frame) => (frame.type === 'ack' || frame.type === 'error') && frame.id === id,
      {
        ...options,
        description: `the answer to ${id}`,
      },
    );
  }

  /** Sends hello and waits for session.ready; returns the frames that arrived in between (the replay). */
  async hello(
    resume: Array<{ conversationId: string; lastSeq: number }> = [],
  ): Promise<{ ready: ReadyFrame; before: ServerFrame[] }> {
    const start = this.frames.length;
    this.send({ type: 'hello', data: { protocol: PROTOCOL_VERSION, resume } });
    const ready = await this.waitForType('session.ready');
    const readyIndex = this.frames.indexOf(ready);
    return { ready, before: this.frames.slice(start, readyIndex) };
  }

  /** Sends message.send and waits for its ack or error. */
  async sendMessage(data: { body: string; conversationId?: string; clientId?: string }, id = nextFrameId()) {
    this.sendMessageFrame(data, id);
    return this.waitForAnswer(id);
  }

  /** Sends message.send without waiting; returns the frame id. */
  sendMessageFrame(data: { body: string; conversationId?: string; clientId?: string }, id = nextFrameId()): string {
    this.send({
      type: 'message.send',
      id,
      data: {
        clientId: data.clientId ?? newClientId(),
        body: data.body,
        ...(data.conversationId ? { conversationId: data.conversationId } : {}),
      },
    });
    return id;
  }

  /** Sends a message and insists on an ack. */
  async sendAcked(data: { body: string; conversationId?: string; clientId?: string }): Promise<Message> {
    const answer = await this.sendMessage(data);
    if (answer.type !== 'ack') throw new Error(`expected an ack, got ${JSON.stringify(answer)}`);
    return (answer as MessageAck).data.message;
  }

  /** An agent socket opens the conversation (conversation.follow), as the console does; insists on an ack. */
  async follow(conversationId: string): Promise<void> {
    const id = nextFrameId();
    this.send({ type: 'conversation.follow', id, data: { conversationId } });
    const answer = await this.waitForAnswer(id);
    if (answer.type !== 'ack') throw new Error(`expected an ack, got ${JSON.stringify(answer)}`);
  }

  /** Answers the frames received so far whose type is a conversation event, optionally of one conversation. */
  events(conversationId?: string, type?: ConversationEventType): ConversationEvent[] {
    return this.frames
      .filter(isConversationEvent)
      .filter((event) => conversationId === undefined || event.data.conversationId === conversationId)
      .filter((event) => type === undefined || event.type === type);
  }

  /** Waits `ms` and returns the frames that arrived meanwhile and match. */
  async collectFor(ms: number, predicate: (frame: ServerFrame) => boolean = () => true): Promise<ServerFrame[]> {
    const start = this.frames.length;
    await delay(ms);
    return this.frames.slice(start).filter(predicate);
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate();
  }

  /** Closes with a normal close handshake and waits for it. */
  async closeGracefully(): Promise<CloseInfo> {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.close(1000, 'bye');
    return this.closed;
  }

  #receive(text: string): void {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(text) as ServerFrame;
    } catch {
      this.unparsable.push(text);
      return;
    }
    const index = this.frames.push(frame) - 1;
    const waiter = this.#waiters.find((w) => w.predicate(frame));
    if (!waiter) return;
    this.#claimed.add(index);
    clearTimeout(waiter.timer);
    this.#waiters = this.#waiters.filter((w) => w !== waiter);
    waiter.resolve(frame);
  }

  #describeFrames(): string {
    const tail = this.frames.slice(-8).map((frame) => JSON.stringify(frame).slice(0, 200));
    return `${this.frames.length} frame(s)${tail.length ? `, last: ${tail.join(' | ')}` : ''}`;
  }
}

export interface OpenSocketOptions {
  protocols: string[];
  origin?: string;
  headers?: Record<string, string>;
  /** false: the client does not answer the server's pings (a dead peer). */
  autoPong?: boolean;
}

/** Opens a socket; resolves once open, rejects with UpgradeRejectedError when the server answers with HTTP instead. */
export function openSocket(url: string, options: OpenSocketOptions): Promise<TestSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options.protocols, {
      ...(options.origin !== undefined ? { origin: options.origin } : {}),
      headers: options.headers ?? {},
      autoPong: options.autoPong ?? true,
      perMessageDeflate: false,
    });
    // Attached before 'open' so no frame can slip by.
    const socket = new TestSocket(ws);
    ws.once('open', () => resolve(socket));
    ws.once('unexpected-response', (_request, response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON; keep the text
        }
        ws.terminate();
        reject(new UpgradeRejectedError(response.statusCode ?? 0, body));
      });
    });
    ws.once('error', (error) => reject(error));
  });
}

/** Opens a socket that is expected to be refused before the upgrade; returns the HTTP answer. */
export async function expectUpgradeRejected(
  url: string,
  options: OpenSocketOptions,
): Promise<{ status: number; body: unknown }> {
  try {
    const socket = await openSocket(url, options);
    socket.close();
  } catch (error) {
    if (error instanceof UpgradeRejectedError) return { status: error.status, body: error.body };
    throw error;
  }
  throw new Error('the upgrade was accepted');
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
