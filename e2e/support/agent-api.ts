import type { Browser, BrowserContext } from 'playwright-core';
import WebSocket from 'ws';
import { AGENT_WS_PATH, PROTOCOL_VERSION, SUBPROTOCOL } from '../../api/src/protocol/constants.ts';
import type { Inbox, InboxList, Me, MemberList, ServerFrame } from '../../api/src/protocol/index.ts';
import { type Method, requestAsAgent } from './agent-rest.ts';
import { eventually } from './parley-pages.ts';

/** An agent signed up over HTTP (no console page): a browser context holding the session cookie. */
export interface ApiAgent {
  context: BrowserContext;
  me: Me;
  /** The workspace's default inbox. */
  inbox: Inbox;
  /** An agent REST call with the session cookie and the console's Origin; throws unless 2xx. */
  call<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, data?: unknown): Promise<T>;
}

export async function signUpAgentOverApi(
  browser: Browser,
  apiUrl: string,
  who: { email: string; name: string; workspace: string },
): Promise<ApiAgent> {
  const context = await browser.newContext();
  const call = <T>(method: Method, path: string, data?: unknown) =>
    requestAsAgent<T>(context.request, apiUrl, method, path, data);

  const me = await call<Me>('POST', '/v1/auth/signup', {
    email: who.email,
    password: 'correct horse battery',
    name: who.name,
    workspaceName: who.workspace,
  });
  const { inboxes } = await call<InboxList>('GET', '/v1/inboxes');
  const inbox = inboxes[0];
  if (!inbox) throw new Error('signup made no inbox');
  return { context, me, inbox, call };
}

/**
 * The agent's console socket without the console: keeps them online (presence) and sends commands
 * such as conversation.resolve. Opens with hello and resolves once the api says session.ready.
 */
export class AgentSocket {
  readonly frames: ServerFrame[] = [];
  readonly #socket: WebSocket;
  readonly #waiting = new Map<string, { resolve(data: unknown): void; reject(error: Error): void }>();
  #nextId = 0;

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as ServerFrame & { id?: string };
      this.frames.push(frame);
      const waiter = frame.id === undefined ? undefined : this.#waiting.get(frame.id);
      if (!waiter) return;
      this.#waiting.delete(frame.id as string);
      if (frame.type === 'error') waiter.reject(new Error(`${frame.data.code}: ${frame.data.message}`));
      else waiter.resolve(frame.data);
    });
  }

  static async connect(apiUrl: string, context: BrowserContext): Promise<AgentSocket> {
    const cookie = (await context.cookies(apiUrl)).map((c) => `${c.name}=${c.value}`).join('; ');
    const socket = new WebSocket(`${apiUrl.replace(/^http/, 'ws')}${AGENT_WS_PATH}`, [SUBPROTOCOL], {
      headers: { cookie, origin: apiUrl },
    });
    const agentSocket = new AgentSocket(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`agent socket refused: ${response.statusCode}`)),
      );
      socket.once('open', () => {
        socket.send(JSON.stringify({ type: 'hello', data: { protocol: PROTOCOL_VERSION, resume: [] } }));
      });
      socket.on('message', (raw) => {
        if ((JSON.parse(String(raw)) as ServerFrame).type === 'session.ready') resolve();
      });
    });
    return agentSocket;
  }

  /** Sends a command and resolves with its ack's data (rejects on an error frame). */
  command(type: string, data: unknown): Promise<unknown> {
    const id = `e2e-${++this.#nextId}`;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#socket.send(JSON.stringify({ type, id, data }));
    });
  }

  close(): Promise<void> {
    if (this.#socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.#socket.once('close', () => resolve());
      this.#socket.close(1000);
    });
  }
}

/** Waits until presence lists the agent online (their socket is live and routing knows it). */
export async function waitUntilOnline(agent: ApiAgent): Promise<void> {
  await eventually(async () => {
    const { members } = await agent.call<MemberList>('GET', '/v1/members');
    const self = members.find((member) => member.userId === agent.me.user.id);
    if (!self?.isOnline) throw new Error(`${agent.me.user.name} is not online yet`);
  });
}
