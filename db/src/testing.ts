import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { createDb, type DbHandle } from './create-db.ts';
import { migrateToLatest } from './migrate.ts';
import { loadMigratedSnapshot } from './pglite-snapshot.ts';

/**
 * The database a test suite runs on: a fresh, migrated one each call.
 * PARLEY_TEST_DB=postgres selects a new database on the server at TEST_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres), dropped on close;
 * otherwise an in-memory PGlite.
 */
export async function createTestDb(): Promise<DbHandle & { url?: string }> {
  if (!isRealPostgresSelected()) {
    return createDb({ loadDataDir: await loadMigratedSnapshot() });
  }
  const scratch = await createScratchDatabase('parley_test');
  const handle = await createDb({ databaseUrl: scratch.url });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url: scratch.url,
    async close() {
      await handle.close();
      await scratch.drop();
    },
  };
}

/** A new, empty database on the Postgres server at TEST_DATABASE_URL (default: the local one). */
export async function createScratchDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await runAsAdmin(adminUrl, `create database ${name}`);
  return {
    url: withDatabase(adminUrl, name),
    drop: () => runAsAdmin(adminUrl, `drop database if exists ${name} with (force)`),
  };
}

/**
 * Fills an empty PGlite folder with the migrated snapshot, so a process that opens it (the api in the
 * browser tests) skips initdb and the migrations.
 */
export async function seedMigratedPGliteDir(dataDir: string): Promise<void> {
  const handle = await createDb({ dataDir, loadDataDir: await loadMigratedSnapshot() });
  // PGlite's close() never settles on an instance that has not run a query yet.
  await sql`select 1`.execute(handle.db);
  await handle.close();
}

export function isRealPostgresSelected(): boolean {
  return process.env.PARLEY_TEST_DB === 'postgres';
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function runAsAdmin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
