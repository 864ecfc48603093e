import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface FreshDatabase {
  /** Environment for the api process: DATABASE_URL for Postgres, PARLEY_DATA_DIR for PGlite. */
  env: Record<string, string>;
  databaseUrl?: string;
  drop(): Promise<void>;
}

/** A new empty database for one e2e run: a new Postgres database when PARLEY_TEST_DB=postgres, else a PGlite folder. */
export async function createFreshDatabase(): Promise<FreshDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  if (process.env.PARLEY_TEST_DB !== 'postgres') {
    return { env: { PARLEY_DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `parley_e2e_${randomBytes(6).toString('hex')}`;
  await runAsAdmin(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    env: { DATABASE_URL: databaseUrl, PARLEY_DATA_DIR: dataDir },
    databaseUrl,
    async drop() {
      await runAsAdmin(adminUrl, `drop database if exists ${name} with (force)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function runAsAdmin(adminUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
