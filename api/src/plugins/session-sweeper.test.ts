import { afterAll, beforeAll, expect, test } from 'vitest';
import { CLOSE_CODES } from '../protocol/constants.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

// A session ended by another api process (logout, deactivation there) closes this process's sockets of
// that session within a sweep; the session is deleted here straight in the database, as that process would.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ sweepIntervalMs: 100 });
});
afterAll(() => server.close());

test('a socket whose session is gone is closed with 4001; the same agent’s other session keeps its socket', async () => {
  const agent = await server.signUp();
  const login = await server.request('POST', '/v1/auth/login', {
    body: { email: agent.email, password: agent.password },
  });
  const otherCookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const ended = await server.connectAgent(agent);
  const kept = await server.openAgentSocket(otherCookie);
  await kept.hello();

  const [row] = await server.db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', agent.me.user.id)
    .orderBy('created_at')
    .execute();
  await server.db.deleteFrom('sessions').where('id', '=', row!.id).execute();

  expect(await ended.waitForClose({ timeoutMs: 3_000 })).toMatchObject({ code: CLOSE_CODES.unauthorized });
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(kept.isOpen).toBe(true);
});
