import { join } from 'node:path';
import { createDb, migrateToLatest } from '@parley/db';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';

const config = loadConfig();
const handle = await createDb({
  databaseUrl: config.databaseUrl,
  dataDir: config.databaseUrl ? undefined : join(config.dataDir, 'pglite'),
});
await migrateToLatest(handle.db);
const app = await buildApp({ config, db: handle.db });
await app.listen({ port: config.port, host: config.host });
const database =
  handle.kind === 'pglite' ? `embedded PGlite in ${join(config.dataDir, 'pglite')}` : 'Postgres at DATABASE_URL';
app.log.info(`Parley api and console at ${config.publicUrl} (${database})`);

let isStopping = false;
async function stop(signal: string) {
  if (isStopping) return;
  isStopping = true;
  app.log.info(`${signal}: draining`);
  const deadline = setTimeout(() => process.exit(1), 10_000).unref();
  await app.realtime.shutDown();
  await app.close();
  await handle.close();
  clearTimeout(deadline);
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
