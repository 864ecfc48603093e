import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CreatedInvitation, InvitationList, InvitationPreview } from '../../protocol/member-rest.ts';
import type { Me } from '../../protocol/rest.ts';
import type { MemberList } from '../../protocol/team-rest.ts';
import {
  FOREIGN_ORIGIN,
  PASSWORD,
  startTestServer,
  type TestAgent,
  type TestServer,
} from '../../testing/test-server.ts';
import { invite, inviteMember, tokenOf } from './invite-member.ts';

// Invitations over REST: an owner or admin invites by a link, the invitee sees it and accepts it with a
// name and password; every link that cannot be used any more says why and creates nothing; agents and
// other workspaces are refused with nothing changed.

let server: TestServer;
let owner: TestAgent;
let agent: TestAgent;
let outsider: TestAgent;
beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp(undefined, { name: 'Olga Owner', workspaceName: 'Acme' });
  outsider = await server.signUp(undefined, { name: 'Otto Outsider' });
  agent = await inviteMember(server, owner, 'agent', 'Arno Agent');
});
afterAll(() => server.close());

async function listInvitations(cookie = owner.cookie) {
  return (await server.request<InvitationList>('GET', '/v1/invitations', { cookie })).body.invitations;
}

async function countRows() {
  const users = await server.db.selectFrom('users').select('id').execute();
  const memberships = await server.db.selectFrom('memberships').select('user_id').execute();
  return { users: users.length, memberships: memberships.length };
}

function accept(token: string, body: object = { name: 'New Person', password: PASSWORD }, origin?: string) {
  return server.request<Me>('POST', `/v1/invitations/${token}/accept`, { body, ...(origin ? { origin } : {}) });
}

describe('invite → accept → sign in', () => {
  test('an owner invites; the link is shown (no SMTP here); only the token’s hash is stored', async () => {
    const created = await server.request<CreatedInvitation>('POST', '/v1/invitations', {
      cookie: owner.cookie,
      body: { email: 'Nina@Example.test', role: 'agent' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      invitation: {
        email: 'Nina@Example.test',
        role: 'agent',
        invitedBy: { id: owner.me.user.id, name: 'Olga Owner' },
      },
      email: 'not_configured',
    });
    expect(created.body.acceptUrl).toMatch(new RegExp(`^${server.baseUrl}/invite/[a-z2-7]{32}$`));
    const expiresIn = Date.parse(created.body.invitation.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(6.9 * 24 * 3600_000);
    expect(expiresIn).toBeLessThanOrEqual(7 * 24 * 3600_000);

    const token = tokenOf(created.body.acceptUrl);
    const row = await server.db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', created.body.invitation.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await listInvitations()).map((i) => i.id)).toContain(created.body.invitation.id);
  });

  test('the invitee sees the invitation without a session, accepts it, is signed in, and can log in later', async () => {
    const created = await invite(server, owner, 'admin', 'ines@example.test');
    const token = tokenOf(created.acceptUrl);

    const preview = await server.request<InvitationPreview>('GET', `/v1/invitations/${token}`);
    expect(preview).toMatchObject({
      status: 200,
      body: { workspaceName: 'Acme', email: 'ines@example.test', role: 'admin', invitedByName: 'Olga Owner' },
    });

    const accepted = await accept(token, { name: '  Ines Admin ', password: PASSWORD });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({
      user: { email: 'ines@example.test', name: 'Ines Admin' },
      workspace: { id: owner.me.workspace.id, name: 'Acme' },
      role: 'admin',
    });
    const cookie = accepted.headers
      .getSetCookie()
      .find((c) => c.startsWith('parley_session='))
      ?.split(';')[0];
    expect(cookie).toMatch(/^parley_session=[a-z2-7]{32}$/);
    expect(accepted.headers.getSetCookie().join().toLowerCase()).toContain('httponly');
    expect((await server.request<Me>('GET', '/v1/me', { cookie })).body).toEqual(accepted.body);

    // A member of the workspace who answers its inbox; the invitation is used up.
    const members = (await server.request<MemberList>('GET', '/v1/members', { cookie: owner.cookie })).body.members;
    expect(members.find((m) => m.email === 'ines@example.test')).toMatchObject({ role: 'admin', deactivatedAt: null });
    const inbox = await server.inboxOf(owner.cookie);
    const inboxMembers = await server.request('GET', `/v1/inboxes/${inbox.id}/members`, { cookie: owner.cookie });
    expect(inboxMembers.body.userIds).toContain(accepted.body.user.id);
    expect((await listInvitations()).map((i) => i.id)).not.toContain(created.invitation.id);

    const login = await server.request<Me>('POST', '/v1/auth/login', {
      body: { email: 'INES@example.test', password: PASSWORD },
    });
    expect(login).toMatchObject({ status: 200, body: { role: 'admin', workspace: { id: owner.me.workspace.id } } });
  });
});

describe('a link that cannot be used says why and creates nothing', () => {
  test('used, revoked, expired, unknown and malformed links', async () => {
    const used = await invite(server, owner, 'agent');
    expect((await accept(tokenOf(used.acceptUrl))).status).toBe(201);
    const revoked = await invite(server, owner, 'agent');
    expect(
      (await server.request('DELETE', `/v1/invitations/${revoked.invitation.id}`, { cookie: owner.cookie })).status,
    ).toBe(204);
    const expired = await invite(server, owner, 'agent');
    await server.db
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', expired.invitation.id)
      .execute();
    const before = await countRows();

    const cases = [
      [tokenOf(used.acceptUrl), 'invitation/used'],
      [tokenOf(revoked.acceptUrl), 'invitation/revoked'],
      [tokenOf(expired.acceptUrl), 'invitation/expired'],
      ['a'.repeat(32), 'invitation/not_found'],
    ] as const;
    for (const [token, code] of cases) {
      expect(await server.request('GET', `/v1/invitations/${token}`)).toMatchObject({ status: 404, body: { code } });
      const answer = await accept(token);
      expect(answer).toMatchObject({ status: 404, body: { code } });
      expect(answer.headers.getSetCookie()).toEqual([]);
    }
    expect((await server.request('GET', '/v1/invitations/not-a-token')).status).toBe(400);
    expect(await countRows()).toEqual(before);
  });

  test('an email that already has an account elsewhere gets 409 auth/email_taken; the invitation stays open', async () => {
    const created = await invite(server, owner, 'agent', outsider.email.toUpperCase());
    const before = await countRows();
    expect(await accept(tokenOf(created.acceptUrl))).toMatchObject({ status: 409, body: { code: 'auth/email_taken' } });
    expect(await countRows()).toEqual(before);
    expect((await listInvitations()).map((i) => i.id)).toContain(created.invitation.id);
  });

  test('accepting from a foreign origin is refused (403) and a bad body is 400, creating nothing', async () => {
    const created = await invite(server, owner, 'agent');
    const token = tokenOf(created.acceptUrl);
    const before = await countRows();
    expect(await accept(token, undefined, FOREIGN_ORIGIN)).toMatchObject({
      status: 403,
      body: { code: 'auth/origin_forbidden' },
    });
    expect((await accept(token, { name: 'Short', password: 'short' })).status).toBe(400);
    expect((await accept(token, { name: '', password: PASSWORD })).status).toBe(400);
    expect(await countRows()).toEqual(before);
  });

  test('the public endpoints are rate-limited per client address, like login', async () => {
    const ip = '192.0.2.88';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      statuses.push((await server.request('GET', `/v1/invitations/${'b'.repeat(32)}`, { ip })).status);
    }
    expect(statuses).toEqual([...Array(10).fill(404), 429]);
    const accepts: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      const answer = await server.request('POST', `/v1/invitations/${'c'.repeat(32)}/accept`, {
        ip,
        body: { name: 'Guess', password: PASSWORD },
      });
      accepts.push(answer.status);
    }
    expect(accepts).toEqual([...Array(10).fill(404), 429]);
  });
});

describe('managing invitations', () => {
  test('inviting an address again replaces its open invitation: the old link stops working', async () => {
    const first = await invite(server, owner, 'agent', 'twice@example.test');
    const second = await invite(server, owner, 'admin', 'TWICE@example.test');
    const open = (await listInvitations()).filter((i) => i.email.toLowerCase() === 'twice@example.test');
    expect(open.map((i) => [i.id, i.role])).toEqual([[second.invitation.id, 'admin']]);
    expect(await server.request('GET', `/v1/invitations/${tokenOf(first.acceptUrl)}`)).toMatchObject({
      status: 404,
      body: { code: 'invitation/revoked' },
    });
    expect((await server.request('GET', `/v1/invitations/${tokenOf(second.acceptUrl)}`)).status).toBe(200);
  });

  test('a current member’s email gets 409 invitation/already_member', async () => {
    const answer = await server.request('POST', '/v1/invitations', {
      cookie: owner.cookie,
      body: { email: agent.email.toUpperCase(), role: 'agent' },
    });
    expect(answer).toMatchObject({ status: 409, body: { code: 'invitation/already_member' } });
  });

  test('admins invite admins and agents; nobody invites an owner (400)', async () => {
    const admin = await inviteMember(server, owner, 'admin');
    expect((await invite(server, admin, 'admin')).invitation.role).toBe('admin');
    expect((await invite(server, admin, 'agent')).invitation.role).toBe('agent');
    const asOwner = await server.request('POST', '/v1/invitations', {
      cookie: owner.cookie,
      body: { email: 'boss@example.test', role: 'owner' },
    });
    expect(asOwner).toMatchObject({ status: 400, body: { code: 'request/invalid' } });
  });

  test('an agent can neither invite, list nor revoke (403), and nothing changes', async () => {
    const open = await invite(server, owner, 'agent');
    const before = await listInvitations();
    const attempts = [
      await server.request('POST', '/v1/invitations', {
        cookie: agent.cookie,
        body: { email: 'friend@example.test', role: 'agent' },
      }),
      await server.request('GET', '/v1/invitations', { cookie: agent.cookie }),
      await server.request('DELETE', `/v1/invitations/${open.invitation.id}`, { cookie: agent.cookie }),
    ];
    for (const answer of attempts) expect(answer).toMatchObject({ status: 403, body: { code: 'auth/forbidden' } });
    expect(await listInvitations()).toEqual(before);
    expect((await server.request('GET', `/v1/invitations/${tokenOf(open.acceptUrl)}`)).status).toBe(200);
  });

  test('another workspace’s owner gets 404 revoking ours and never sees them', async () => {
    const open = await invite(server, owner, 'agent');
    const revoke = await server.request('DELETE', `/v1/invitations/${open.invitation.id}`, { cookie: outsider.cookie });
    expect(revoke).toMatchObject({ status: 404, body: { code: 'invitation/not_found' } });
    expect(await listInvitations(outsider.cookie)).toEqual([]);
    expect((await server.request('GET', `/v1/invitations/${tokenOf(open.acceptUrl)}`)).status).toBe(200);
    // Revoking twice: the second finds nothing open.
    expect(
      (await server.request('DELETE', `/v1/invitations/${open.invitation.id}`, { cookie: owner.cookie })).status,
    ).toBe(204);
    expect(
      (await server.request('DELETE', `/v1/invitations/${open.invitation.id}`, { cookie: owner.cookie })).status,
    ).toBe(404);
  });

  test('without a session every management route is 401', async () => {
    for (const [method, path] of [
      ['GET', '/v1/invitations'],
      ['POST', '/v1/invitations'],
      ['DELETE', `/v1/invitations/${owner.me.user.id}`],
    ] as const) {
      const body = method === 'POST' ? { email: 'x@example.test', role: 'agent' } : undefined;
      const answer = await server.request(method, path, { body });
      expect(answer).toMatchObject({ status: 401, body: { code: 'auth/required' } });
    }
  });
});
