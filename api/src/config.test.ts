import { expect, test } from 'vitest';
import { loadConfig } from './config.ts';

test('defaults give a working local setup on the embedded database', () => {
  const config = loadConfig({});
  expect(config).toMatchObject({
    port: 3000,
    publicUrl: 'http://localhost:3000',
    exampleSiteUrl: 'http://localhost:3001',
  });
  expect(config.databaseUrl).toBeUndefined();
});

test('every problem in the environment is reported at once', () => {
  const load = () =>
    loadConfig({ PORT: 'eighty', PUBLIC_URL: 'localhost:3000/', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
  expect(load).toThrow(/Invalid configuration/);
  const message = (() => {
    try {
      load();
    } catch (error) {
      return (error as Error).message;
    }
  })();
  for (const field of ['/port', '/publicUrl', '/databaseUrl', '/logLevel']) expect(message).toContain(field);
});

test('invitation email: off without SMTP_URL; the From defaults to the public host', () => {
  expect(loadConfig({ PUBLIC_URL: 'https://support.example.com' })).toMatchObject({
    smtpUrl: undefined,
    smtpFrom: 'Parley <no-reply@support.example.com>',
  });
  expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', SMTP_FROM: 'Help <help@example.com>' })).toMatchObject({
    smtpUrl: 'smtp://127.0.0.1:2525',
    smtpFrom: 'Help <help@example.com>',
  });
  expect(() => loadConfig({ SMTP_URL: 'http://mail.example.com' })).toThrow(/smtpUrl/);
});
