import { resolve } from 'node:path';
import Type, { type Static } from 'typebox';
import { Compile } from 'typebox/compile';

const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String({ minLength: 1 }),
  /** Where agents reach the console and api, e.g. https://support.example.com. */
  publicUrl: Type.String({ pattern: '^https?://[^/\\s]+$' }),
  /** A Postgres URL; without it the embedded PGlite keeps data under dataDir. */
  databaseUrl: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  dataDir: Type.String({ minLength: 1 }),
  /** Where uploaded attachments are kept (one file per upload, random names). */
  uploadsDir: Type.String({ minLength: 1 }),
  /** Several api processes share presence and real-time notices through this Redis; unset = one process. */
  redisUrl: Type.Optional(Type.String({ pattern: '^rediss?://' })),
  /** Prefix of every Redis key and channel, so deployments can share one Redis. */
  redisKeyPrefix: Type.String({ pattern: '^[A-Za-z0-9:_-]{0,64}$' }),
  /** The example host site, added to the first inbox's allowed origins. Empty to turn off. */
  exampleSiteUrl: Type.Optional(Type.String({ pattern: '^https?://[^/\\s]+$' })),
  /** Invitations are emailed through this server, e.g. smtp://user:pass@mail.example.com:587; unset = links are only shown. */
  smtpUrl: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  /** The From of those emails. */
  smtpFrom: Type.String({ minLength: 3 }),
  logLevel: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l))),
  trustProxy: Type.Boolean(),
  widgetDistDir: Type.String(),
  consoleDistDir: Type.String(),
});

export type Config = Static<typeof ConfigSchema>;

const checkConfig = Compile(ConfigSchema);
const repoRoot = resolve(import.meta.dirname, '../..');

/** Reads the environment; throws one error that lists every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined ? 3000 : Number(env.PORT);
  const candidate = {
    port,
    host: env.HOST ?? 'localhost',
    publicUrl: trimSlash(env.PUBLIC_URL ?? `http://localhost:${port}`),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.PARLEY_DATA_DIR ?? 'data'),
    uploadsDir: resolve(env.UPLOADS_DIR ?? resolve(env.PARLEY_DATA_DIR ?? 'data', 'uploads')),
    redisUrl: env.REDIS_URL || undefined,
    redisKeyPrefix: env.REDIS_KEY_PREFIX ?? 'parley:',
    exampleSiteUrl:
      env.EXAMPLE_SITE_URL === '' ? undefined : trimSlash(env.EXAMPLE_SITE_URL ?? 'http://localhost:3001'),
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM || `Parley <no-reply@${hostOf(env.PUBLIC_URL ?? 'http://localhost')}>`,
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY === 'true',
    widgetDistDir: resolve(env.WIDGET_DIST_DIR ?? resolve(repoRoot, 'widget/dist')),
    consoleDistDir: resolve(env.CONSOLE_DIST_DIR ?? resolve(repoRoot, 'console/dist')),
  };
  if (checkConfig.Check(candidate)) return candidate;
  const problems = checkConfig.Errors(candidate).map((error) => `  ${error.instancePath || '/'}: ${error.message}`);
  throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
}

/** The host name of a URL, for a default address; the URL itself is checked elsewhere. */
function hostOf(url: string): string {
  return /^https?:\/\/([^/:\s]+)/.exec(url)?.[1] ?? 'localhost';
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
