// `pnpm start`: builds the widget and console, then runs the api (which serves them) and the
// example host site on its own origin. Data stays in ./data (embedded PGlite) unless DATABASE_URL is set.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const port = process.env.PORT ?? '3000';
const examplesPort = process.env.EXAMPLES_PORT ?? '3001';
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
const exampleSiteUrl = process.env.EXAMPLE_SITE_URL ?? `http://localhost:${examplesPort}`;

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const env = {
  ...process.env,
  PORT: port,
  PUBLIC_URL: publicUrl,
  EXAMPLE_SITE_URL: exampleSiteUrl,
  PARLEY_DATA_DIR: process.env.PARLEY_DATA_DIR ?? resolve(root, 'data'),
  // Request-by-request logs drown the URLs above; LOG_LEVEL=info brings them back.
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};
const children = [
  spawn(process.execPath, ['--import', 'tsx', 'api/src/server.ts'], { cwd: root, env, stdio: 'inherit' }),
  spawn(process.execPath, ['examples/server.mjs'], {
    cwd: root,
    env: { ...env, EXAMPLES_PORT: examplesPort, PARLEY_API_URL: publicUrl },
    stdio: 'inherit',
  }),
];

console.log(`
  Parley is starting.
    Console (sign up here first):  ${publicUrl}
    Example customer site:         ${exampleSiteUrl}${process.env.EXAMPLE_SITE_URL ? ` (served on port ${examplesPort}; EXAMPLES_PORT changes it)` : ''}
                                   (open it from the console: Settings → Open the example site)
    Database:                      ${process.env.DATABASE_URL ? 'Postgres at DATABASE_URL' : `embedded PGlite in ${env.PARLEY_DATA_DIR}`}
`);

let isStopping = false;
function stopAll(signal) {
  if (isStopping) return;
  isStopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));
for (const child of children) {
  child.on('exit', (code) => {
    stopAll('SIGTERM');
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(isStopping ? 0 : (code ?? 1));
  });
}
