/** The real api as a child process: `node --import tsx api/src/server.ts`, on 127.0.0.1, a port below 32768. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchDatabase } from './bench-database.ts';
import { isRunning, stopChild, track } from './children.ts';

const root = resolve(import.meta.dirname, '../..');

export interface ApiProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  inspectPort?: number;
  /** The last lines the api wrote (warnings and errors: LOG_LEVEL=warn). */
  log(): string;
  /** SIGTERM: the api drains its sockets and exits (and writes its CPU profile, when asked for one). */
  stop(): Promise<void>;
}

export interface ApiStartOptions {
  port: number;
  database: BenchDatabase;
  /** The fake host site: added to the first inbox's allowed origins, sent as the visitors' Origin. */
  siteOrigin: string;
  /** Write a V8 CPU profile of the api into this folder when it exits. */
  cpuProfileDir?: string;
  /** Open the V8 inspector on 127.0.0.1:<port> (the memory scenario collects garbage through it). */
  inspectPort?: number;
}

export async function startApi(options: ApiStartOptions): Promise<ApiProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Nothing inherited may point the api elsewhere.
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'PARLEY_DATA_DIR']) delete env[name];
  // Empty: the console and widget are not served (nor built) for the benchmark.
  const noDist = join(options.database.env.PARLEY_DATA_DIR ?? root, 'no-dist');
  Object.assign(env, options.database.env, {
    PORT: String(options.port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    EXAMPLE_SITE_URL: options.siteOrigin,
    LOG_LEVEL: 'warn',
    // Each setup request names its own client address (X-Forwarded-For), as the api's tests do, so the
    // per-IP limits on signups (10/min) and visitor sessions (60/min) do not stop 10,000 visitors from one host.
    TRUST_PROXY: 'true',
    WIDGET_DIST_DIR: noDist,
    CONSOLE_DIST_DIR: noDist,
  });
  mkdirSync(noDist, { recursive: true });
  const nodeFlags = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  if (options.inspectPort) nodeFlags.push(`--inspect=127.0.0.1:${options.inspectPort}`);
  const child = track(
    'api',
    spawn(process.execPath, [...nodeFlags, '--import', 'tsx', 'api/src/server.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await waitUntilReady(`${url}/health/ready`, child, () => log);
  } catch (error) {
    await stopChild(child, 2_000);
    throw error;
  }
  return {
    child,
    pid: child.pid!,
    url,
    inspectPort: options.inspectPort,
    log: () => log,
    stop: () => stopChild(child, 15_000),
  };
}

async function waitUntilReady(url: string, child: ChildProcess, log: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(child)) throw new Error(`the api exited (${child.exitCode ?? child.signalCode}):\n${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s:\n${log()}`);
}
