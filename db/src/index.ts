export { createDb, type CreateDbOptions, type DbHandle } from './create-db.ts';
export { migrateToLatest } from './migrate.ts';
export * from './schema.ts';
