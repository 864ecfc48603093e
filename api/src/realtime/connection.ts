import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import { AppError } from '../app-error.ts';
import { CLOSE_CODES, LIMITS, PROTOCOL_VERSION } from '../protocol/constants.ts';
import type { ErrorBody } from '../protocol/errors.ts';
import type { ConversationEvent } from '../protocol/events.ts';
import type { HelloFrame, ServerFrame } from '../protocol/frames.ts';
import { sendCorked } from './corked-send.ts';
import { EventDelivery, type LoadEventRange } from './event-delivery.ts';
import type { ParsedFrame } from './frame-parser.ts';
import { joinHeartbeat } from './heartbeat-clock.ts';
import { serializeFrame } from './serialize-frame.ts';
import { createTokenBucket } from './token-bucket.ts';

/** A client stops being read when its unsent frames pass this: it is closed and resumes. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export interface ConnectionOptions<Frame extends { type: string; id?: string }> {
  socket: WebSocket;
  log: FastifyBaseLogger;
  parseFrame: (raw: string) => ParsedFrame<Frame>;
  /** Answers one command; the returned value is the ack's data. Throw AppError to refuse. */
  runCommand: (frame: Exclude<Frame, HelloFrame | { type: 'ping' }>) => Promise<object>;
  /** Checks each conversation the client wants to resume and returns its current last seq; undefined = not theirs. */
  findLastSeq: (conversationId: string) => Promise<number | undefined>;
  loadRange: LoadEventRange;
  followFromFirstSight: boolean;
  /** See EventDeliveryOptions.admits. */
  admits?: (event: ConversationEvent) => boolean;
  /** Runs after hello and before its replay, e.g. to learn what the client follows. */
  prepare?: (hello: HelloFrame) => Promise<void>;
  heartbeatMs?: number;
  /** Called once the client is live: after its replay and session.ready. */
  onLive?: () => void;
  onClose: () => void;
  /** Told of every answered command (errorCode null for an ack) and every refusal, for metrics. */
  observe?: ConnectionObserver;
}

export interface ConnectionObserver {
  commandAnswered(type: string, seconds: number, errorCode: string | null): void;
  refused(code: string): void;
}

/**
 * One client socket: reads frames in order, enforces hello-first, size, rate and heartbeat limits,
 * answers commands (ack only after the command's work has committed) and delivers events by seq.
 */
export class Connection<Frame extends { type: string; id?: string }> {
  readonly delivery: EventDelivery;
  readonly #options: ConnectionOptions<Frame>;
  readonly #socket: WebSocket;
  readonly #tryTakeToken = createTokenBucket(LIMITS.framesPerSecond, LIMITS.framesPerSecond * 2);
  #commands: Promise<void> = Promise.resolve();
  #hasSaidHello = false;
  #isClosing = false;
  #lastHeardAt = Date.now();
  readonly #leaveHeartbeat: () => void;

  constructor(options: ConnectionOptions<Frame>) {
    this.#options = options;
    this.#socket = options.socket;
    this.delivery = new EventDelivery({
      send: (frame) => this.send(frame),
      loadRange: async (...args) => {
        try {
          return await options.loadRange(...args);
        } catch (error) {
          this.#fail(error);
          return [];
        }
      },
      followFromFirstSight: options.followFromFirstSight,
      admits: options.admits,
      onEarlyOverflow: () =>
        this.close(CLOSE_CODES.slowConsumer, 'too much happened before hello: reconnect and resume'),
    });
    this.#socket.on('message', (data, isBinary) => this.#onData(isBinary ? null : data.toString()));
    this.#socket.on('pong', () => this.#heard());
    this.#socket.on('close', () => this.#onClosed());
    this.#socket.on('error', (error) => options.log.debug({ err: error }, 'socket error'));
    const heartbeatMs = options.heartbeatMs ?? LIMITS.heartbeatMs;
    this.#leaveHeartbeat = joinHeartbeat(heartbeatMs, { beat: () => this.#checkHeartbeat(heartbeatMs) });
  }

  send(frame: ServerFrame): void {
    if (this.#socket.readyState !== this.#socket.OPEN) return;
    if (this.#socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CLOSE_CODES.slowConsumer, 'slow consumer: reconnect and resume');
      return;
    }
    sendCorked(this.#socket, serializeFrame(frame));
  }

  close(code: number, reason: string): void {
    if (this.#socket.readyState === this.#socket.OPEN) this.#socket.close(code, reason);
  }

  /** Stops taking commands, lets the ones under way finish and be acked, then asks the client to reconnect. */
  async shutDown(): Promise<void> {
    this.#isClosing = true;
    await this.#commands;
    await this.delivery.drain();
    this.close(CLOSE_CODES.serviceRestart, 'server restarting: reconnect and resume');
  }

  #onData(raw: string | null): void {
    this.#heard();
    // Parsed before any refusal, so the refusal carries the command's id and the client knows which send it was.
    const parsed = raw === null ? badBinary() : this.#options.parseFrame(raw);
    const id = parsed.ok ? parsed.frame.id : parsed.id;
    if (this.#isClosing)
      return this.#sendError(id, { code: 'server/unavailable', message: 'The server is restarting.' });
    if (!this.#tryTakeToken())
      return this.#sendError(id, { code: 'rate/limited', message: 'Too many frames; slow down.' });
    if (!parsed.ok) return this.#sendError(parsed.id, parsed.error);
    const { frame } = parsed;
    if (frame.type === 'ping') return this.send({ type: 'pong', ...(frame.id ? { id: frame.id } : {}), data: {} });
    if (frame.type === 'hello') return this.#receiveHello(frame as unknown as HelloFrame);
    if (!this.#hasSaidHello) {
      return this.#sendError(frame.id, { code: 'protocol/hello_required', message: 'Send hello first.' });
    }
    const command = frame as Exclude<Frame, HelloFrame | { type: 'ping' }>;
    const receivedAt = performance.now();
    const answered = (errorCode: string | null) =>
      this.#options.observe?.commandAnswered(command.type, (performance.now() - receivedAt) / 1000, errorCode);
    this.#enqueue(async () => {
      try {
        const result = await this.#options.runCommand(command);
        if (command.id) this.send({ type: 'ack', id: command.id, data: result } as ServerFrame);
        answered(null);
      } catch (error) {
        const body = this.#toErrorBody(error);
        this.#sendError(command.id, body, false);
        answered(body.code);
      }
    });
  }

  #receiveHello(frame: HelloFrame): void {
    if (this.#hasSaidHello)
      return this.#sendError(frame.id, { code: 'frame/invalid', message: 'hello was already sent.' });
    if (frame.data.protocol !== PROTOCOL_VERSION) {
      this.#sendError(frame.id, {
        code: 'protocol/unsupported_version',
        message: `This server speaks protocol ${PROTOCOL_VERSION}.`,
      });
      return this.close(CLOSE_CODES.protocolError, 'unsupported protocol version');
    }
    this.#hasSaidHello = true;
    this.#enqueue(() => this.#replayAndGoLive(frame));
  }

  async #replayAndGoLive(frame: HelloFrame): Promise<void> {
    await this.#options.prepare?.(frame);
    for (const { conversationId, lastSeq } of frame.data.resume) {
      const currentSeq = await this.#options.findLastSeq(conversationId);
      if (currentSeq === undefined) {
        this.#sendError(undefined, {
          code: 'conversation/not_found',
          message: `No such conversation ${conversationId}.`,
        });
        continue;
      }
      await this.delivery.replay(conversationId, lastSeq, currentSeq);
    }
    await this.delivery.goLive(() => {
      this.send({
        type: 'session.ready',
        data: { protocol: PROTOCOL_VERSION, heartbeatMs: this.#options.heartbeatMs ?? LIMITS.heartbeatMs },
      });
      this.#options.onLive?.();
    });
  }

  #enqueue(step: () => Promise<void>): void {
    this.#commands = this.#commands.then(step).catch((error) => this.#fail(error));
  }

  #sendError(id: string | undefined, error: ErrorBody, isRefusal = true): void {
    if (isRefusal) this.#options.observe?.refused(error.code);
    this.send({ type: 'error', ...(id ? { id } : {}), data: error });
  }

  #toErrorBody(error: unknown): ErrorBody {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    this.#options.log.error({ err: error }, 'command failed');
    return { code: 'server/internal', message: 'Internal server error; retry.' };
  }

  #fail(error: unknown): void {
    this.#options.log.error({ err: error }, 'connection failed');
    this.close(CLOSE_CODES.internalError, 'internal error: reconnect and resume');
  }

  #heard(): void {
    this.#lastHeardAt = Date.now();
  }

  #checkHeartbeat(heartbeatMs: number): void {
    if (Date.now() - this.#lastHeardAt > heartbeatMs * 2) {
      this.close(CLOSE_CODES.heartbeatTimeout, 'heartbeat timeout');
      this.#socket.terminate();
      return;
    }
    if (this.#socket.readyState === this.#socket.OPEN) this.#socket.ping();
  }

  #onClosed(): void {
    this.#leaveHeartbeat();
    this.#options.onClose();
  }
}

function badBinary(): ParsedFrame<never> {
  return { ok: false, error: { code: 'frame/malformed', message: 'Frames are JSON text, not binary.' } };
}
