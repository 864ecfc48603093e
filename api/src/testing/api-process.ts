import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { createDb, type DbHandle } from '@parley/db';
import { createScratchDatabase } from '@parley/db/testing';
import { AGENT_WS_PATH, SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX, WIDGET_WS_PATH } from '../protocol/constants.ts';
import type { InboxList, Me, WidgetSession } from '../protocol/rest.ts';
import { findFreePorts } from './free-ports.ts';
import { openSocket, type TestSocket } from './test-socket.ts';

export { findFreePorts };

// Real api processes (node --import tsx api/src/server.ts) for tests of several processes on one
// Postgres (and one Redis), and the HTTP and socket calls a test makes to them.

const root = resolve(import.meta.dirname, '../../..');
/** The host site whose visitors chat; the config adds it to the first inbox's allowed origins. */
export const SITE_ORIGIN = 'http://127.0.0.1:3001';
const PASSWORD = 'correct horse battery staple';
const STOP_GRACE_MS = 5_000;
/** Every client socket opened here; close them before stopping the processes. */
export const openedSockets: TestSocket[] = [];

/** Where a test sends requests (url) and what the api takes for its own origin (publicUrl). */
export interface ApiTarget {
  url: string;
  publicUrl: string;
}

export interface ApiProcess extends ApiTarget {
  name: string;
  child: ChildProcess;
  log(): string;
}

export interface StartApiOptions {
  name: string;
  port: number;
  databaseUrl: string;
  redisUrl: string;
  redisKeyPrefix: string;
  /** Defaults to the process's own address; behind a proxy, the proxy's. */
  publicUrl?: string;
}

export async function startApi(options: StartApiOptions, started: ApiProcess[]): Promise<ApiProcess> {
  const { name, port, databaseUrl } = options;
  const url = `http://127.0.0.1:${port}`;
  const publicUrl = options.publicUrl ?? url;
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: publicUrl,
      EXAMPLE_SITE_URL: SITE_ORIGIN,
      LOG_LEVEL: 'warn',
      REDIS_URL: options.redisUrl,
      REDIS_KEY_PREFIX: options.redisKeyPrefix,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const api = { name, child, url, publicUrl, log: () => output };
  started.push(api);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`api ${name} exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return api;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`api ${name} was not ready within 60 s:\n${output}`);
}

/** SIGTERM (the api drains), then SIGKILL if it is still there after 5 s. */
export async function stopApi(api: ApiProcess): Promise<void> {
  const { child } = api;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

export async function signUp(api: ApiTarget, name: string): Promise<{ cookie: string; me: Me }> {
  const response = await fetch(`${api.url}/v1/auth/signup`, {
    method: 'POST',
    headers: { origin: api.publicUrl, 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${name}-${randomUUID().slice(0, 8)}@example.test`, password: PASSWORD, name }),
  });
  const body = await response.json();
  if (response.status !== 201) throw new Error(`signup failed: ${response.status} ${JSON.stringify(body)}`);
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('parley_session=')) ?? '';
  const token = /^parley_session=([^;]*)/.exec(setCookie)?.[1];
  if (!token) throw new Error('signup set no session cookie');
  return { cookie: `parley_session=${token}`, me: body as Me };
}

export async function findSiteKey(api: ApiTarget, cookie: string): Promise<string> {
  const response = await fetch(`${api.url}/v1/inboxes`, { headers: { cookie, origin: api.publicUrl } });
  const body = (await response.json()) as InboxList;
  const inbox = body.inboxes?.[0];
  if (!inbox) throw new Error(`no inbox: ${response.status} ${JSON.stringify(body)}`);
  return inbox.siteKey;
}

export async function openAgentSocket(api: ApiTarget, cookie: string): Promise<TestSocket> {
  const socket = await openSocket(`${api.url.replace(/^http/, 'ws')}${AGENT_WS_PATH}`, {
    protocols: [SUBPROTOCOL],
    origin: api.publicUrl,
    headers: { cookie },
  });
  openedSockets.push(socket);
  return socket;
}

export async function connectVisitor(api: ApiTarget, siteKey: string): Promise<{ socket: TestSocket; token: string }> {
  const response = await fetch(`${api.url}/v1/widget/session`, {
    method: 'POST',
    headers: { origin: SITE_ORIGIN, 'content-type': 'application/json' },
    body: JSON.stringify({ siteKey }),
  });
  const session = (await response.json()) as WidgetSession;
  if (response.status !== 200) throw new Error(`widget session failed: ${response.status} ${JSON.stringify(session)}`);
  const socket = await openVisitorSocket(api, session.token);
  await socket.hello();
  return { socket, token: session.token };
}

/** A visitor's socket (not yet said hello), e.g. to reconnect with the token they already have. */
export async function openVisitorSocket(api: ApiTarget, token: string): Promise<TestSocket> {
  const socket = await openSocket(`${api.url.replace(/^http/, 'ws')}${WIDGET_WS_PATH}`, {
    protocols: [SUBPROTOCOL, `${TOKEN_SUBPROTOCOL_PREFIX}${token}`],
    origin: SITE_ORIGIN,
  });
  openedSockets.push(socket);
  return socket;
}

export interface ApiPair {
  a: ApiProcess;
  b: ApiProcess;
  /** The shared scratch database, for setup and checks. */
  db: DbHandle['db'];
  /** Closes the test's sockets, stops both processes, drops the database. */
  stop(): Promise<void>;
}

/**
 * Two api processes on one fresh Postgres database and one Redis. A migrates the database before B
 * starts, so the two never race on the migrations.
 */
export async function startApiPair(options: {
  databasePrefix: string;
  redisUrl: string;
  redisKeyPrefix: string;
  /** Both processes' public address, e.g. a proxy in front of them. */
  publicUrl?: string;
}): Promise<ApiPair> {
  const scratch = await createScratchDatabase(options.databasePrefix);
  const handle = await createDb({ databaseUrl: scratch.url, poolSize: 2 });
  const processes: ApiProcess[] = [];
  const stop = async () => {
    for (const socket of openedSockets.splice(0)) socket.close();
    await Promise.all(processes.map(stopApi));
    await handle.close();
    await scratch.drop();
  };
  try {
    const [portA, portB] = await findFreePorts(2);
    const { redisUrl, redisKeyPrefix, publicUrl } = options;
    const common = { databaseUrl: scratch.url, redisUrl, redisKeyPrefix, publicUrl };
    const a = await startApi({ name: 'A', port: portA!, ...common }, processes);
    const b = await startApi({ name: 'B', port: portB!, ...common }, processes);
    return { a, b, db: handle.db, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
