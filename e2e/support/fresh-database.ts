import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase, isRealPostgresSelected, seedMigratedPGliteDir } from '@parley/db/testing';

export interface FreshDatabase {
  /** Environment for the api process: DATABASE_URL for Postgres, PARLEY_DATA_DIR for PGlite. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A new empty database for one e2e run: a new Postgres database when PARLEY_TEST_DB=postgres, else a PGlite folder. */
export async function createFreshDatabase(): Promise<FreshDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  const removeDataDir = async () => rmSync(dataDir, { recursive: true, force: true });
  if (!isRealPostgresSelected()) {
    // Where the api keeps PGlite under PARLEY_DATA_DIR (api/src/server.ts).
    await seedMigratedPGliteDir(join(dataDir, 'pglite'));
    return { env: { PARLEY_DATA_DIR: dataDir }, drop: removeDataDir };
  }
  const scratch = await createScratchDatabase('parley_e2e');
  return {
    env: { DATABASE_URL: scratch.url, PARLEY_DATA_DIR: dataDir },
    async drop() {
      await scratch.drop();
      await removeDataDir();
    },
  };
}
