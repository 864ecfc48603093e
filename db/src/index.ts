export { type CreateDbOptions, createDb, type DbHandle } from './create-db.ts';
export { migrateToLatest } from './migrate.ts';
export * from './schema.ts';
