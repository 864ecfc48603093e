import { resolve } from 'node:path';
import { createDb } from './create-db.ts';
import { migrateToLatest } from './migrate.ts';

const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = databaseUrl
  ? undefined
  : resolve(process.env.PARLEY_DATA_DIR ?? resolve(import.meta.dirname, '../../data'), 'pglite');
const handle = await createDb({ databaseUrl, dataDir });
await migrateToLatest(handle.db);
await handle.close();
console.log(`migrated ${databaseUrl ? 'postgres' : `pglite at ${dataDir}`}`);
