import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLOSE_CODES } from '../../protocol/constants.ts';
import { DEFAULT_PREFERENCES, type Preferences } from '../../protocol/profile-rest.ts';
import type { Me } from '../../protocol/rest.ts';
import { FOREIGN_ORIGIN, PASSWORD, startTestServer, type TestServer } from '../../testing/test-server.ts';
import { expectUpgradeRejected } from '../../testing/test-socket.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function secondSession(email: string, password = PASSWORD): Promise<string> {
  const login = await server.request('POST', '/v1/auth/login', { body: { email, password } });
  expect(login.status).toBe(200);
  return login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
}

describe('PATCH /v1/me', () => {
  test('renames the agent (trimmed) and answers the new Me', async () => {
    const agent = await server.signUp(undefined, { name: 'Old Name' });
    const renamed = await server.request<Me>('PATCH', '/v1/me', { cookie: agent.cookie, body: { name: '  Ada L.  ' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.user.name).toBe('Ada L.');
    const me = await server.request<Me>('GET', '/v1/me', { cookie: agent.cookie });
    expect(me.body.user.name).toBe('Ada L.');
  });

  test.each([
    ['empty', { name: '' }],
    ['only spaces', { name: '   ' }],
    ['longer than 80', { name: 'x'.repeat(81) }],
    ['an unknown field', { name: 'Ok', email: 'x@example.test' }],
  ])('refuses a name that is %s with 400 request/invalid and changes nothing', async (_what, body) => {
    const agent = await server.signUp(undefined, { name: 'Keep Me' });
    const answer = await server.request('PATCH', '/v1/me', { cookie: agent.cookie, body });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'request/invalid' });
    const me = await server.request<Me>('GET', '/v1/me', { cookie: agent.cookie });
    expect(me.body.user.name).toBe('Keep Me');
  });

  test('needs a session and the console origin', async () => {
    const agent = await server.signUp();
    expect((await server.request('PATCH', '/v1/me', { body: { name: 'Nobody' } })).status).toBe(401);
    const foreign = await server.request('PATCH', '/v1/me', {
      cookie: agent.cookie,
      origin: FOREIGN_ORIGIN,
      body: { name: 'Csrf' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ code: 'auth/origin_forbidden' });
  });
});

describe('POST /v1/me/password', () => {
  test('a wrong current password gets 400 profile/wrong_password; the old password and every session still work', async () => {
    const agent = await server.signUp();
    const other = await secondSession(agent.email);
    const answer = await server.request('POST', '/v1/me/password', {
      cookie: agent.cookie,
      body: { currentPassword: 'not it at all', newPassword: 'a brand new password' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'profile/wrong_password' });
    expect((await server.request('GET', '/v1/me', { cookie: other })).status).toBe(200);
    await secondSession(agent.email, PASSWORD);
  });

  test('a new password shorter than 8 is refused with request/invalid', async () => {
    const agent = await server.signUp();
    const answer = await server.request('POST', '/v1/me/password', {
      cookie: agent.cookie,
      body: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'request/invalid' });
  });

  test('changes the password, ends every other session and closes its socket, keeps this one', async () => {
    const agent = await server.signUp();
    const otherCookie = await secondSession(agent.email);
    const otherSocket = await server.openAgentSocket(otherCookie);
    await otherSocket.hello();
    const ownSocket = await server.connectAgent(agent);

    const changed = await server.request('POST', '/v1/me/password', {
      cookie: agent.cookie,
      body: { currentPassword: PASSWORD, newPassword: 'a brand new password' },
    });
    expect(changed.status).toBe(204);

    expect(await otherSocket.waitForClose()).toMatchObject({ code: CLOSE_CODES.unauthorized });
    const otherMe = await server.request('GET', '/v1/me', { cookie: otherCookie });
    expect(otherMe.status).toBe(401);
    expect(await expectUpgradeRejected(server.agentWsUrl, server.agentSocketOptions(otherCookie))).toMatchObject({
      status: 401,
    });

    expect((await server.request('GET', '/v1/me', { cookie: agent.cookie })).status).toBe(200);
    expect(ownSocket.isOpen).toBe(true);
    ownSocket.send({ type: 'ping', id: 'alive' });
    await ownSocket.waitFor((frame) => frame.type === 'pong' && frame.id === 'alive');

    const oldLogin = await server.request('POST', '/v1/auth/login', {
      body: { email: agent.email, password: PASSWORD },
    });
    expect(oldLogin.status).toBe(401);
    await secondSession(agent.email, 'a brand new password');
  });
});

describe('preferences', () => {
  test('default to everything on and no auto-away; a saved set reads back', async () => {
    const agent = await server.signUp();
    const initial = await server.request<Preferences>('GET', '/v1/me/preferences', { cookie: agent.cookie });
    expect(initial.status).toBe(200);
    expect(initial.body).toEqual(DEFAULT_PREFERENCES);

    const wanted: Preferences = {
      notifications: {
        newConversation: { browser: false, sound: true, titleCount: true },
        newMessageInMine: { browser: true, sound: false, titleCount: true },
        mention: { browser: true, sound: true, titleCount: false },
      },
      autoAwayMinutes: 15,
    };
    const saved = await server.request<Preferences>('PUT', '/v1/me/preferences', {
      cookie: agent.cookie,
      body: wanted,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual(wanted);
    expect((await server.request('GET', '/v1/me/preferences', { cookie: agent.cookie })).body).toEqual(wanted);

    // Per user: another agent still has the defaults.
    const other = await server.signUp();
    expect((await server.request('GET', '/v1/me/preferences', { cookie: other.cookie })).body).toEqual(
      DEFAULT_PREFERENCES,
    );
  });

  test.each([
    ['auto-away over 240', { ...DEFAULT_PREFERENCES, autoAwayMinutes: 241 }],
    ['negative auto-away', { ...DEFAULT_PREFERENCES, autoAwayMinutes: -1 }],
    ['a missing kind', { autoAwayMinutes: 0, notifications: { mention: DEFAULT_PREFERENCES.notifications.mention } }],
    [
      'a channel that is not a boolean',
      {
        ...DEFAULT_PREFERENCES,
        notifications: {
          ...DEFAULT_PREFERENCES.notifications,
          mention: { browser: 'yes', sound: true, titleCount: true },
        },
      },
    ],
  ])('refuses %s with 400 request/invalid', async (_what, body) => {
    const agent = await server.signUp();
    const answer = await server.request('PUT', '/v1/me/preferences', { cookie: agent.cookie, body });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'request/invalid' });
    expect((await server.request('GET', '/v1/me/preferences', { cookie: agent.cookie })).body).toEqual(
      DEFAULT_PREFERENCES,
    );
  });
});
