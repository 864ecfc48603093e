import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient } from 'kysely';

/**
 * Presents one PGlite instance as a pg-style pool for Kysely's PostgresDialect.
 * PGlite has a single connection, so a client is lent to one holder at a time:
 * a transaction keeps it until release(), and other queries wait their turn.
 */
export function createPGlitePool(pglite: PGlite): PostgresPool {
  const waiting: Array<(client: PostgresPoolClient) => void> = [];
  let isLent = false;

  const client: PostgresPoolClient = {
    query: ((sql: string, parameters?: readonly unknown[]) =>
      pglite.query(sql, parameters as unknown[])) as unknown as PostgresPoolClient['query'],
    release() {
      const next = waiting.shift();
      if (next) next(client);
      else isLent = false;
    },
  };

  return {
    async connect() {
      if (!isLent) {
        isLent = true;
        return client;
      }
      return new Promise<PostgresPoolClient>((resolve) => waiting.push(resolve));
    },
    async end() {
      await pglite.close();
    },
  };
}
