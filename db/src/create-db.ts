import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createPGlitePool } from './pglite-pool.ts';
import type { Database } from './schema.ts';

export interface DbHandle {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** A Postgres URL; without one the embedded PGlite is used. */
  databaseUrl?: string;
  /** Where PGlite keeps its files; in memory when absent. */
  dataDir?: string;
  /** PGlite only: a data directory tarball to start from instead of an empty cluster (tests load a migrated one). */
  loadDataDir?: Blob;
  /** Size of the pg pool. */
  poolSize?: number;
  /**
   * An idle pooled connection was closed by the server (a restart, a failover, a dropped database). pg
   * discards it and the next query opens a new one; without a listener the error would end the process.
   */
  onIdleConnectionError?: (error: Error) => void;
}

const INT8_OID = 20;

/** Counts come back as int8; both drivers return them as numbers (PGlite already does). */
function getTypeParser(oid: number, format?: 'text' | 'binary') {
  if (oid === INT8_OID) return Number;
  return pg.types.getTypeParser(oid, format as 'text');
}

export async function createDb(options: CreateDbOptions = {}): Promise<DbHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      types: { getTypeParser } as pg.CustomTypesConfig,
    });
    pool.on(
      'error',
      options.onIdleConnectionError ??
        ((error) => console.warn(`parley db: an idle connection was lost: ${error.message}`)),
    );
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: createPGlitePool(pglite) }) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}
