import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findFreePort } from './free-port.ts';
import { createFreshDatabase, type FreshDatabase } from './fresh-database.ts';

const root = resolve(import.meta.dirname, '../..');

/** The whole product as a customer runs it: the api process (serving console and widget) and the example host site. */
export interface Stack {
  apiUrl: string;
  siteUrl: string;
  database: FreshDatabase;
  /** Ends the api with SIGKILL: no drain, no goodbye. */
  killApi(): Promise<void>;
  startApi(): Promise<void>;
  stop(): Promise<void>;
  apiLog(): string;
}

export async function startStack(): Promise<Stack> {
  for (const built of ['widget/dist/widget.js', 'console/dist/index.html']) {
    if (!existsSync(resolve(root, built))) throw new Error(`${built} is missing: run pnpm build before the e2e tests`);
  }
  const [apiPort, sitePort] = [await findFreePort(), await findFreePort()];
  const apiUrl = `http://localhost:${apiPort}`;
  const siteUrl = `http://localhost:${sitePort}`;
  const database = await createFreshDatabase();
  let api: ChildProcess | undefined;
  let log = '';

  const site = spawn(process.execPath, ['examples/server.mjs'], {
    cwd: root,
    env: { ...process.env, EXAMPLES_PORT: String(sitePort), PARLEY_API_URL: apiUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  async function startApi() {
    api = spawn(process.execPath, ['--import', 'tsx', 'api/src/server.ts'], {
      cwd: root,
      env: {
        ...process.env,
        ...database.env,
        PORT: String(apiPort),
        PUBLIC_URL: apiUrl,
        EXAMPLE_SITE_URL: siteUrl,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout?.on('data', (chunk) => (log += chunk));
    api.stderr?.on('data', (chunk) => (log += chunk));
    await waitUntilReady(`${apiUrl}/health/ready`, api);
  }

  async function killApi() {
    if (!api || api.exitCode !== null) return;
    const exited = new Promise((done) => api?.once('exit', done));
    api.kill('SIGKILL');
    await exited;
  }

  await startApi();
  await waitUntilReady(siteUrl, site);
  return {
    apiUrl,
    siteUrl,
    database,
    killApi,
    startApi,
    apiLog: () => log,
    async stop() {
      if (api && api.exitCode === null) {
        const exited = new Promise((done) => api?.once('exit', done));
        api.kill('SIGTERM');
        await exited;
      }
      site.kill('SIGTERM');
      await database.drop();
    },
  };
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms`);
}
