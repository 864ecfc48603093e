import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../app.ts';
import { CLOSE_CODES } from '../../protocol/constants.ts';
import type { InboxList, Me } from '../../protocol/rest.ts';
import { FOREIGN_ORIGIN, PASSWORD, SITE_ORIGIN, startTestServer, type TestServer } from '../../testing/test-server.ts';
import { expectUpgradeRejected } from '../../testing/test-socket.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('signup', () => {
  test('creates a workspace with a default inbox and sets an HttpOnly SameSite=Lax session cookie', async () => {
    const agent = await server.signUp('founder@example.test', { name: 'Ada', workspaceName: 'Acme' });

    expect(agent.me).toMatchObject({
      user: { email: 'founder@example.test', name: 'Ada' },
      workspace: { name: 'Acme' },
      role: 'owner',
    });
    const attributes = agent.setCookie.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).toContain('path=/');
    // Plain http on 127.0.0.1: a Secure cookie would never be sent back.
    expect(attributes).not.toContain('secure');
    expect(agent.sessionToken).toMatch(/^[a-z2-7]{32}$/);

    const me = await server.request<Me>('GET', '/v1/me', { cookie: agent.cookie });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(agent.me);

    const inboxes = await server.request<InboxList>('GET', '/v1/inboxes', { cookie: agent.cookie });
    expect(inboxes.status).toBe(200);
    expect(inboxes.body.inboxes).toHaveLength(1);
    const [inbox] = inboxes.body.inboxes;
    expect(inbox?.siteKey).toMatch(/^pk_[0-9a-f]{24}$/);
    expect(inbox?.allowedOrigins).toEqual([SITE_ORIGIN]);
    expect(inbox?.snippet).toContain(`${server.baseUrl}/widget.js`);
    expect(inbox?.snippet).toContain(inbox?.siteKey);

    const stored = await server.db
      .selectFrom('memberships as m')
      .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
      .select(['w.id', 'w.name', 'm.role'])
      .where('m.user_id', '=', agent.me.user.id)
      .execute();
    expect(stored).toEqual([{ id: agent.me.workspace.id, name: 'Acme', role: 'owner' }]);
  });

  test('a duplicate email gets 409 auth/email_taken, whatever its letter case, and creates nothing', async () => {
    await server.signUp('twice@example.test');
    const usersBefore = await server.db.selectFrom('users').select('id').execute();

    for (const email of ['twice@example.test', 'TWICE@Example.test']) {
      const again = await server.request('POST', '/v1/auth/signup', {
        body: { email, password: PASSWORD, name: 'Again' },
      });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'auth/email_taken' });
      expect(again.headers.getSetCookie()).toEqual([]);
    }
    expect(await server.db.selectFrom('users').select('id').execute()).toHaveLength(usersBefore.length);
  });
});

describe('login', () => {
  test('a wrong password and an unknown email get the identical 401 auth/invalid_credentials body', async () => {
    const agent = await server.signUp();

    const wrongPassword = await server.request('POST', '/v1/auth/login', {
      body: { email: agent.email, password: 'not the password' },
    });
    const unknownEmail = await server.request('POST', '/v1/auth/login', {
      body: { email: 'nobody@example.test', password: 'not the password' },
    });

    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toMatchObject({ code: 'auth/invalid_credentials' });
    expect(unknownEmail.body).toEqual(wrongPassword.body);
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
    expect(unknownEmail.headers.getSetCookie()).toEqual([]);

    const right = await server.request<Me>('POST', '/v1/auth/login', {
      body: { email: agent.email.toUpperCase(), password: agent.password },
    });
    expect(right.status).toBe(200);
    expect(right.body).toEqual(agent.me);
    expect(right.headers.getSetCookie().join()).toMatch(/^parley_session=[a-z2-7]{32};/);
  });

  test('is rate-limited per client address: the 11th attempt in a minute gets 429 rate/limited', async () => {
    const ip = '192.0.2.77';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      const response = await server.request('POST', '/v1/auth/login', {
        ip,
        body: { email: 'guess@example.test', password: 'guess' },
      });
      statuses.push(response.status);
      if (attempt === 10) expect(response.body).toMatchObject({ code: 'rate/limited' });
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    // Another address is not affected.
    const other = await server.request('POST', '/v1/auth/login', {
      body: { email: 'guess@example.test', password: 'guess' },
    });
    expect(other.status).toBe(401);
  });
});

describe('sessions', () => {
  test('logout invalidates the session (GET /v1/me → 401) and closes that session’s agent socket with 4001', async () => {
    const agent = await server.signUp();
    const login = await server.request('POST', '/v1/auth/login', {
      body: { email: agent.email, password: agent.password },
    });
    const otherCookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    expect(otherCookie).toMatch(/^parley_session=/);

    const socket = await server.connectAgent(agent);
    const otherSessionSocket = await server.openAgentSocket(otherCookie);
    await otherSessionSocket.hello();

    const logout = await server.request('POST', '/v1/auth/logout', { cookie: agent.cookie });
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie().join()).toMatch(/^parley_session=;/);

    expect(await socket.waitForClose()).toMatchObject({ code: CLOSE_CODES.unauthorized });
    const me = await server.request('GET', '/v1/me', { cookie: agent.cookie });
    expect(me.status).toBe(401);
    expect(me.body).toMatchObject({ code: 'auth/required' });
    expect(await expectUpgradeRejected(server.agentWsUrl, server.agentSocketOptions(agent.cookie))).toMatchObject({
      status: 401,
    });

    // The same agent's other session is untouched.
    expect(otherSessionSocket.isOpen).toBe(true);
    expect((await server.request('GET', '/v1/me', { cookie: otherCookie })).status).toBe(200);
    const pingId = 'still-there';
    otherSessionSocket.send({ type: 'ping', id: pingId });
    await otherSessionSocket.waitFor((frame) => frame.type === 'pong' && frame.id === pingId);
  });

  test('a session token is stored hashed: the sessions table holds its SHA-256, never the token', async () => {
    const agent = await server.signUp();
    const rows = await server.db.selectFrom('sessions').select('id').where('user_id', '=', agent.me.user.id).execute();
    expect(rows).toHaveLength(1);
    const sha256 = createHash('sha256').update(agent.sessionToken).digest('hex');
    expect(rows[0]?.id).toBe(sha256);
    const anyWithToken = await server.db
      .selectFrom('sessions')
      .select('id')
      .where('id', '=', agent.sessionToken)
      .execute();
    expect(anyWithToken).toEqual([]);
  });
  test('an expired session is refused (401) and deleted', async () => {
    const agent = await server.signUp();
    await server.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', agent.me.user.id)
      .execute();
    const me = await server.request('GET', '/v1/me', { cookie: agent.cookie });
    expect(me.status).toBe(401);
    expect(me.body).toMatchObject({ code: 'auth/required' });
    expect(
      await server.db.selectFrom('sessions').select('id').where('user_id', '=', agent.me.user.id).execute(),
    ).toEqual([]);
  });

  test('a session used after half its life is extended (sliding expiry)', async () => {
    const agent = await server.signUp();
    const soon = new Date(Date.now() + 24 * 60 * 60 * 1000);
    await server.db.updateTable('sessions').set({ expires_at: soon }).where('user_id', '=', agent.me.user.id).execute();
    expect((await server.request('GET', '/v1/me', { cookie: agent.cookie })).status).toBe(200);
    const row = await server.db
      .selectFrom('sessions')
      .select('expires_at')
      .where('user_id', '=', agent.me.user.id)
      .executeTakeFirstOrThrow();
    expect(row.expires_at.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 60 * 60 * 1000);
  });

  test('behind an https public URL the session cookie is also Secure', async () => {
    // A second app on the same database, configured as a production deployment; driven with inject (no socket needed).
    const publicUrl = 'https://support.example.test';
    const app = await buildApp({ config: { ...server.config, publicUrl }, db: server.db, logger: false });
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/auth/signup',
        headers: { origin: publicUrl, 'x-forwarded-for': '198.51.100.7' },
        payload: { email: 'secure@example.test', password: PASSWORD, name: 'Secure' },
      });
      expect(response.statusCode).toBe(201);
      const setCookie = String(response.headers['set-cookie']);
      const attributes = setCookie.split(';').map((part) => part.trim().toLowerCase());
      expect(attributes).toEqual(expect.arrayContaining(['httponly', 'secure', 'samesite=lax']));
    } finally {
      await app.close();
    }
  });
});

describe('origin check', () => {
  test('an unsafe request with a foreign Origin gets 403 auth/origin_forbidden and changes nothing', async () => {
    const agent = await server.signUp();

    const signup = await server.request('POST', '/v1/auth/signup', {
      origin: FOREIGN_ORIGIN,
      body: { email: 'csrf@example.test', password: PASSWORD, name: 'Csrf' },
    });
    expect(signup.status).toBe(403);
    expect(signup.body).toMatchObject({ code: 'auth/origin_forbidden' });
    expect(await server.db.selectFrom('users').select('id').where('email', '=', 'csrf@example.test').execute()).toEqual(
      [],
    );

    const login = await server.request('POST', '/v1/auth/login', {
      origin: FOREIGN_ORIGIN,
      body: { email: agent.email, password: agent.password },
    });
    expect(login.status).toBe(403);
    expect(login.body).toMatchObject({ code: 'auth/origin_forbidden' });
    expect(login.headers.getSetCookie()).toEqual([]);

    const logout = await server.request('POST', '/v1/auth/logout', { origin: FOREIGN_ORIGIN, cookie: agent.cookie });
    expect(logout.status).toBe(403);
    expect(logout.body).toMatchObject({ code: 'auth/origin_forbidden' });
    const noOrigin = await server.request('POST', '/v1/auth/logout', { origin: null, cookie: agent.cookie });
    expect(noOrigin.status).toBe(403);
    // The session survived both attempts.
    expect((await server.request('GET', '/v1/me', { cookie: agent.cookie })).status).toBe(200);
  });
});
