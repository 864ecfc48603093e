/**
 * The database of one run: a scratch database on the local Postgres (dropped at the end), or a PGlite
 * folder in a temporary directory (removed at the end) that the api opens itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type DbHandle } from '@parley/db';
import { createScratchDatabase } from '@parley/db/testing';
// kysely is a dependency of api and db, not of the root: take the api's copy (as scripts/bench-routing.ts does).
import { sql } from '../../api/node_modules/kysely/dist/esm/index.js';

export interface BenchDatabase {
  kind: 'pglite' | 'postgres';
  /** The api child's environment for it. */
  env: Record<string, string>;
  /** Opens it from this process; for PGlite only while the api is stopped (one process at a time). */
  open(): Promise<DbHandle>;
  /** The server processes of Postgres serving this database (the api's pool), to read their CPU time; none for PGlite. */
  backendPids(): Promise<number[]>;
  describe(): Promise<string>;
  drop(): Promise<void>;
}

export async function createBenchDatabase(usePglite: boolean): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-realtime-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (usePglite) {
    return {
      kind: 'pglite',
      env: { PARLEY_DATA_DIR: dataDir },
      // server.ts keeps PGlite's files in <PARLEY_DATA_DIR>/pglite.
      open: () => createDb({ dataDir: join(dataDir, 'pglite') }),
      backendPids: async () => [],
      describe: async () => 'PGlite 0.5 in the api process, files in a temporary directory',
      drop: async () => removeDataDir(),
    };
  }
  const scratch = await createScratchDatabase('parley_bench_rt');
  const name = new URL(scratch.url).pathname.slice(1);
  let monitor: DbHandle | undefined;
  const monitorDb = async () => {
    monitor ??= await createDb({ databaseUrl: scratch.url, poolSize: 1 });
    return monitor.db;
  };
  return {
    kind: 'postgres',
    env: { DATABASE_URL: scratch.url, PARLEY_DATA_DIR: dataDir },
    open: () => createDb({ databaseUrl: scratch.url, poolSize: 2 }),
    async backendPids() {
      const { rows } = await sql<{ pid: number }>`
        select pid from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()
      `.execute(await monitorDb());
      return rows.map((row) => Number(row.pid));
    },
    async describe() {
      const { rows } = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(
        await monitorDb(),
      );
      return `Postgres ${rows[0]?.v} at ${new URL(scratch.url).host}, scratch database ${name} (dropped at the end)`;
    },
    async drop() {
      await monitor?.close();
      monitor = undefined;
      await scratch.drop();
      removeDataDir();
    },
  };
}
