import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { migrateToLatest } from './migrate.ts';
import { createPGlitePool } from './pglite-pool.ts';

const migrationsDir = resolve(import.meta.dirname, '../migrations');
const snapshotsDir = join(tmpdir(), 'parley-pglite-snapshots');

/**
 * A PGlite data directory with every migration applied, as a tarball for `loadDataDir`. A new PGlite
 * runs initdb (seconds) and then the migrations; loading this tarball takes about a second. It is built
 * once per set of migrations and PGlite version, and kept in the temp folder for the next test files.
 */
export async function loadMigratedSnapshot(): Promise<Blob> {
  const file = join(snapshotsDir, `${fingerprint()}.tar`);
  if (!existsSync(file)) await buildSnapshot(file);
  return new Blob([readFileSync(file)]);
}

async function buildSnapshot(file: string): Promise<void> {
  const pglite = await PGlite.create();
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: createPGlitePool(pglite) }) });
  try {
    await migrateToLatest(db);
    const tarball = await pglite.dumpDataDir('none');
    mkdirSync(snapshotsDir, { recursive: true });
    // Written aside and renamed, so a test file starting at the same time never reads half a tarball.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
    renameSync(partial, file);
  } finally {
    await db.destroy();
  }
}

function fingerprint(): string {
  const hash = createHash('sha256');
  // The resolved path names the installed version (node_modules/.pnpm/@electric-sql+pglite@x.y.z/...).
  hash.update(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (const name of readdirSync(migrationsDir).sort()) {
    hash.update(name);
    hash.update(readFileSync(join(migrationsDir, name)));
  }
  return hash.digest('hex').slice(0, 16);
}
