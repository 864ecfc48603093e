import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { findFreePorts } from './free-ports.ts';

/** The shared Redis the tests may use (CI runs one on 127.0.0.1:6379); keys go under a fresh prefix. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function freshKeyPrefix(): string {
  return `parley-test:${randomUUID().slice(0, 8)}:`;
}

/** Whether the shared test Redis answers. In CI it must: there a missing Redis fails the run instead of skipping. */
export async function isTestRedisReachable(): Promise<boolean> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    if (process.env.CI === 'true') throw new Error(`CI needs Redis at ${TEST_REDIS_URL}`);
    console.warn(`\n  ! no Redis at ${TEST_REDIS_URL}: the Redis tests are skipped\n`);
    return false;
  } finally {
    redis.disconnect();
  }
}

/** Deletes every key under the prefix. */
export async function dropKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

/** A redis-server of the test's own on a free port, for outage tests (the shared one stays untouched). */
export interface OwnRedis {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const [port] = await findFreePorts(1);
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null });
    probe.on('error', () => {});
    for (let attempt = 0; ; attempt++) {
      try {
        await probe.connect();
        await probe.ping();
        probe.disconnect();
        return;
      } catch {
        if (attempt > 50) throw new Error('redis-server did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  const stop = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child?.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, start, stop };
}
