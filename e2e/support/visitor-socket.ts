import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import {
  LIMITS,
  PROTOCOL_VERSION,
  SUBPROTOCOL,
  TOKEN_SUBPROTOCOL_PREFIX,
  WIDGET_WS_PATH,
} from '../../api/src/protocol/constants.ts';
import type { Message, MessageSendResult, ServerFrame, WidgetSession } from '../../api/src/protocol/index.ts';

/**
 * A visitor without a browser, as the widget talks to the api: a widget session from the example site's
 * origin, then the widget socket. Quick for writing many messages (a long conversation); the sends are
 * paced under the per-socket frame limit and a `rate/limited` refusal is retried with the same clientId.
 */
export class VisitorSocket {
  readonly session: WidgetSession;
  readonly #socket: WebSocket;
  readonly #waiting = new Map<string, { resolve(data: unknown): void; reject(error: Error): void }>();
  #nextId = 0;

  private constructor(socket: WebSocket, session: WidgetSession) {
    this.#socket = socket;
    this.session = session;
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as ServerFrame & { id?: string };
      const waiter = frame.id === undefined ? undefined : this.#waiting.get(frame.id);
      if (!waiter) return;
      this.#waiting.delete(frame.id as string);
      if (frame.type === 'error') waiter.reject(new VisitorSendError(frame.data.code, frame.data.message));
      else waiter.resolve(frame.data);
    });
  }

  /** `siteUrl` must be one of the inbox's allowed origins (the example site is, by default). */
  static async connect(
    urls: { apiUrl: string; siteUrl: string },
    siteKey: string,
    facts: { language?: string } = {},
  ): Promise<VisitorSocket> {
    const origin = new URL(urls.siteUrl).origin;
    const response = await fetch(`${urls.apiUrl}/v1/widget/session`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ siteKey, ...facts }),
    });
    if (!response.ok) throw new Error(`widget session answered ${response.status}: ${await response.text()}`);
    const session = (await response.json()) as WidgetSession;
    const socket = new WebSocket(
      `${urls.apiUrl.replace(/^http/, 'ws')}${WIDGET_WS_PATH}`,
      [SUBPROTOCOL, `${TOKEN_SUBPROTOCOL_PREFIX}${session.token}`],
      { origin },
    );
    const visitor = new VisitorSocket(socket, session);
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, answer) =>
        reject(new Error(`visitor socket refused: ${answer.statusCode}`)),
      );
      socket.once('open', () => {
        socket.send(JSON.stringify({ type: 'hello', data: { protocol: PROTOCOL_VERSION, resume: [] } }));
      });
      socket.on('message', (raw) => {
        if ((JSON.parse(String(raw)) as ServerFrame).type === 'session.ready') resolve();
      });
    });
    return visitor;
  }

  /** Writes one message (into the visitor's open conversation, or a new one) and resolves once stored. */
  async send(body: string): Promise<Message> {
    const clientId = `e2e${randomUUID().replaceAll('-', '')}`;
    for (let attempt = 0; ; attempt++) {
      try {
        const { message } = (await this.#command('message.send', { clientId, body })) as MessageSendResult;
        if (!message) throw new Error('message.send was acknowledged without the message');
        return message;
      } catch (error) {
        if (!(error instanceof VisitorSendError && error.code === 'rate/limited') || attempt > 20) throw error;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  /** Writes the messages in order, under the frame limit; resolves with them as stored. */
  async sendAll(bodies: readonly string[]): Promise<Message[]> {
    const spacingMs = Math.ceil(1000 / (LIMITS.framesPerSecond - 2));
    const messages: Message[] = [];
    for (const body of bodies) {
      const startedAt = Date.now();
      messages.push(await this.send(body));
      const wait = spacingMs - (Date.now() - startedAt);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    return messages;
  }

  close(): Promise<void> {
    if (this.#socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.#socket.once('close', () => resolve());
      this.#socket.close(1000);
    });
  }

  #command(type: string, data: unknown): Promise<unknown> {
    const id = `v${++this.#nextId}`;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#socket.send(JSON.stringify({ type, id, data }));
    });
  }
}

export class VisitorSendError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'VisitorSendError';
  }
}
