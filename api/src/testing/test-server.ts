import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@parley/db';
import { createTestDb } from '@parley/db/testing';
import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import type { RealtimeOptions } from '../plugins/realtime.ts';
import { AGENT_WS_PATH, SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX, WIDGET_WS_PATH } from '../protocol/constants.ts';
import type { Inbox, InboxList, Me, WidgetSession } from '../protocol/rest.ts';
import { moveAgentToWorkspace } from './move-agent.ts';
import { type OpenSocketOptions, openSocket, type TestSocket } from './test-socket.ts';

/** The host site every new inbox accepts (the config's example site, added to each signup's default inbox). */
export const SITE_ORIGIN = 'https://shop.example.test';
/** A site nobody allowed. */
export const FOREIGN_ORIGIN = 'https://evil.example.test';
export const PASSWORD = 'correct horse battery staple';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  /** The Cookie header, e.g. an agent's `parley_session=...`. */
  cookie?: string;
  /** Origin header; defaults to the console's own origin; null sends none. */
  origin?: string | null;
  /** A visitor token, sent as `Authorization: Bearer`. */
  token?: string;
  body?: unknown;
  /** The client address the api sees (X-Forwarded-For); each request gets its own unless given. */
  ip?: string;
  headers?: Record<string, string>;
}

export interface TestAgent {
  email: string;
  password: string;
  /** The Cookie header value to send: `parley_session=<token>`. */
  cookie: string;
  /** The session token the cookie carries. */
  sessionToken: string;
  /** The Set-Cookie header the signup answered with. */
  setCookie: string;
  me: Me;
}

export interface TestServer {
  app: FastifyInstance;
  db: Kysely<Database>;
  config: Config;
  /** http://127.0.0.1:<port>; also the console's origin. */
  baseUrl: string;
  widgetWsUrl: string;
  agentWsUrl: string;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  signUp(email?: string, options?: { name?: string; workspaceName?: string }): Promise<TestAgent>;
  inboxOf(cookie: string): Promise<Inbox>;
  startVisitor(siteKey: string, origin?: string, token?: string): Promise<WidgetSession>;
  visitorSocketOptions(token: string | undefined, origin?: string): OpenSocketOptions;
  agentSocketOptions(cookie: string | undefined, origin?: string): OpenSocketOptions;
  openVisitorSocket(token: string, origin?: string, options?: Partial<OpenSocketOptions>): Promise<TestSocket>;
  openAgentSocket(cookie: string, options?: Partial<OpenSocketOptions>): Promise<TestSocket>;
  /** A visitor of this site key with a socket that has said hello. */
  connectVisitor(siteKey: string): Promise<{ session: WidgetSession; socket: TestSocket }>;
  /** An agent socket that has said hello. */
  connectAgent(agent: TestAgent): Promise<TestSocket>;
  /** Makes a signed-up agent a member of another workspace (there is no invitation route yet). */
  moveAgentToWorkspace(userId: string, workspaceId: string): Promise<void>;
  countMessages(conversationId?: string): Promise<number>;
  /** Every seq stored for a conversation (messages and other events), ascending. */
  storedSeqs(conversationId: string): Promise<number[]>;
  close(): Promise<void>;
}

let ipCounter = 0;
/** A distinct client address per request, so the per-IP auth and widget rate limits only bite when a test means them to. */
function nextIp(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

/**
 * The whole api on a fresh migrated database (PGlite, or Postgres with PARLEY_TEST_DB=postgres),
 * listening on an OS-chosen port of 127.0.0.1. One per test file: PGlite takes ~2 s to start.
 */
export async function startTestServer(options: RealtimeOptions = {}): Promise<TestServer> {
  const handle = await createTestDb();
  const noDist = join(tmpdir(), `parley-test-no-dist-${randomUUID()}`);
  // The real config loader, fed a test environment. The port is only known after listen, so
  // publicUrl starts as a placeholder and is set to the real address below (the origin check reads it per request).
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    PUBLIC_URL: 'http://127.0.0.1',
    EXAMPLE_SITE_URL: SITE_ORIGIN,
    LOG_LEVEL: process.env.PARLEY_TEST_LOG ?? 'silent',
    // Lets each request name its client address (X-Forwarded-For), see nextIp.
    TRUST_PROXY: 'true',
    PARLEY_DATA_DIR: noDist,
    WIDGET_DIST_DIR: noDist,
    CONSOLE_DIST_DIR: noDist,
  });
  const app = await buildApp({
    config,
    db: handle.db,
    logger: process.env.PARLEY_TEST_LOG !== undefined,
    realtime: options,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the test server has no address');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  config.publicUrl = baseUrl;
  const wsBase = baseUrl.replace(/^http/, 'ws');
  const widgetWsUrl = `${wsBase}${WIDGET_WS_PATH}`;
  const agentWsUrl = `${wsBase}${AGENT_WS_PATH}`;
  const openedSockets = new Set<TestSocket>();
  let agentCounter = 0;

  async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { 'x-forwarded-for': options.ip ?? nextIp(), ...options.headers };
    const origin = options.origin === undefined ? baseUrl : options.origin;
    if (origin !== null) headers.origin = origin;
    if (options.cookie) headers.cookie = options.cookie;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: unknown = text;
    if (text && response.headers.get('content-type')?.includes('application/json')) body = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: body as T };
  }

  async function signUp(email?: string, options: { name?: string; workspaceName?: string } = {}): Promise<TestAgent> {
    agentCounter += 1;
    const address = email ?? `agent${agentCounter}-${randomUUID().slice(0, 8)}@example.test`;
    const response = await request<Me>('POST', '/v1/auth/signup', {
      body: {
        email: address,
        password: PASSWORD,
        name: options.name ?? `Agent ${agentCounter}`,
        ...(options.workspaceName ? { workspaceName: options.workspaceName } : {}),
      },
    });
    if (response.status !== 201) throw new Error(`signup failed: ${response.status} ${JSON.stringify(response.body)}`);
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('parley_session=')) ?? '';
    const sessionToken = /^parley_session=([^;]*)/.exec(setCookie)?.[1] ?? '';
    if (!sessionToken)
      throw new Error(`signup set no session cookie: ${JSON.stringify(response.headers.getSetCookie())}`);
    return {
      email: address,
      password: PASSWORD,
      cookie: `parley_session=${sessionToken}`,
      sessionToken,
      setCookie,
      me: response.body,
    };
  }

  async function inboxOf(cookie: string): Promise<Inbox> {
    const response = await request<InboxList>('GET', '/v1/inboxes', { cookie });
    const inbox = response.body.inboxes?.[0];
    if (response.status !== 200 || !inbox)
      throw new Error(`no inbox: ${response.status} ${JSON.stringify(response.body)}`);
    return inbox;
  }

  async function startVisitor(siteKey: string, origin = SITE_ORIGIN, token?: string): Promise<WidgetSession> {
    const response = await request<WidgetSession>('POST', '/v1/widget/session', {
      origin,
      body: { siteKey },
      ...(token ? { token } : {}),
    });
    if (response.status !== 200)
      throw new Error(`widget session failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  function visitorSocketOptions(token: string | undefined, origin = SITE_ORIGIN): OpenSocketOptions {
    return {
      protocols: token === undefined ? [SUBPROTOCOL] : [SUBPROTOCOL, `${TOKEN_SUBPROTOCOL_PREFIX}${token}`],
      origin,
    };
  }

  function agentSocketOptions(cookie: string | undefined, origin = baseUrl): OpenSocketOptions {
    return { protocols: [SUBPROTOCOL], origin, headers: cookie ? { cookie } : {} };
  }

  async function track(opening: Promise<TestSocket>): Promise<TestSocket> {
    const socket = await opening;
    openedSockets.add(socket);
    void socket.closed.then(() => openedSockets.delete(socket));
    return socket;
  }

  const openVisitorSocket = (token: string, origin = SITE_ORIGIN, options: Partial<OpenSocketOptions> = {}) =>
    track(openSocket(widgetWsUrl, { ...visitorSocketOptions(token, origin), ...options }));
  const openAgentSocket = (cookie: string, options: Partial<OpenSocketOptions> = {}) =>
    track(openSocket(agentWsUrl, { ...agentSocketOptions(cookie), ...options }));

  return {
    app,
    db: handle.db,
    config,
    baseUrl,
    widgetWsUrl,
    agentWsUrl,
    request,
    signUp,
    inboxOf,
    startVisitor,
    visitorSocketOptions,
    agentSocketOptions,
    openVisitorSocket,
    openAgentSocket,
    async connectVisitor(siteKey) {
      const session = await startVisitor(siteKey);
      const socket = await openVisitorSocket(session.token);
      await socket.hello();
      return { session, socket };
    },
    async connectAgent(agent) {
      const socket = await openAgentSocket(agent.cookie);
      await socket.hello();
      return socket;
    },
    moveAgentToWorkspace: (userId, workspaceId) => moveAgentToWorkspace(handle.db, userId, workspaceId),
    async countMessages(conversationId) {
      let query = handle.db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n'));
      if (conversationId) query = query.where('conversation_id', '=', conversationId);
      return Number((await query.executeTakeFirstOrThrow()).n);
    },
    async storedSeqs(conversationId) {
      const { rows } = await sql<{ seq: number }>`
        select seq from messages where conversation_id = ${conversationId}
        union all
        select seq from conversation_events where conversation_id = ${conversationId}
        order by seq
      `.execute(handle.db);
      return rows.map((row) => Number(row.seq));
    },
    async close() {
      for (const socket of openedSockets) socket.close();
      await app.close();
      await handle.close();
    },
  };
}

/** Polls `check` until it passes or the time is up (then throws its last error). */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
