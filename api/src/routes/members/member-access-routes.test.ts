import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLOSE_CODES } from '../../protocol/constants.ts';
import type { Member, MemberList } from '../../protocol/team-rest.ts';
import { assigneeOf, openConversation, waitForAssigned, waitForUnassigned } from '../../testing/routing-helpers.ts';
import { eventually, startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';
import { expectUpgradeRejected } from '../../testing/test-socket.ts';
import { inviteMember } from './invite-member.ts';

// Roles and deactivation over REST: who may change whom, the last owner, and what deactivating does at once
// (sessions end, the console's socket closes, their conversations go to others, routing skips them).

let server: TestServer;
let owner: TestAgent;
let outsider: TestAgent;
beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp(undefined, { name: 'Olga Owner' });
  outsider = await server.signUp(undefined, { name: 'Otto Outsider' });
});
afterAll(() => server.close());

const setRole = (actor: TestAgent, userId: string, role: string) =>
  server.request<Member>('PUT', `/v1/members/${userId}/role`, { cookie: actor.cookie, body: { role } });
const deactivate = (actor: TestAgent, userId: string) =>
  server.request<Member>('POST', `/v1/members/${userId}/deactivate`, { cookie: actor.cookie });
const reactivate = (actor: TestAgent, userId: string) =>
  server.request<Member>('POST', `/v1/members/${userId}/reactivate`, { cookie: actor.cookie });

/** Role and deactivation of every member of the owner's workspace, by user id. */
async function memberStates() {
  const { members } = (await server.request<MemberList>('GET', '/v1/members', { cookie: owner.cookie })).body;
  return Object.fromEntries(members.map((m) => [m.userId, [m.role, m.deactivatedAt]]));
}

describe('roles', () => {
  test('an owner promotes and demotes anyone, makes a second owner, and may then step down', async () => {
    const member = await inviteMember(server, owner, 'agent');
    const id = member.me.user.id;
    expect(await setRole(owner, id, 'admin')).toMatchObject({ status: 200, body: { userId: id, role: 'admin' } });
    expect((await server.request('GET', '/v1/me', { cookie: member.cookie })).body.role).toBe('admin');
    expect((await setRole(owner, id, 'owner')).body.role).toBe('owner');
    // Two owners: the first may become an admin; the new owner then puts things back.
    expect((await setRole(owner, owner.me.user.id, 'admin')).body.role).toBe('admin');
    expect((await setRole(member, owner.me.user.id, 'owner')).body.role).toBe('owner');
    expect((await setRole(owner, id, 'agent')).body.role).toBe('agent');
  });

  test('the last active owner cannot be demoted (409 member/last_owner), not even by themselves', async () => {
    const before = await memberStates();
    for (const role of ['admin', 'agent']) {
      expect(await setRole(owner, owner.me.user.id, role)).toMatchObject({
        status: 409,
        body: { code: 'member/last_owner' },
      });
    }
    // A deactivated second owner does not count.
    const second = await inviteMember(server, owner, 'admin');
    await setRole(owner, second.me.user.id, 'owner');
    expect((await deactivate(owner, second.me.user.id)).status).toBe(200);
    expect((await setRole(owner, owner.me.user.id, 'agent')).status).toBe(409);
    expect((await memberStates())[owner.me.user.id]).toEqual(before[owner.me.user.id]);
  });

  test('an admin manages agents and admins but never an owner, and makes nobody an owner (403)', async () => {
    const admin = await inviteMember(server, owner, 'admin');
    const member = await inviteMember(server, owner, 'agent');
    const id = member.me.user.id;
    expect((await setRole(admin, id, 'admin')).body.role).toBe('admin');
    expect((await setRole(admin, id, 'agent')).body.role).toBe('agent');
    const before = await memberStates();
    for (const answer of [
      await setRole(admin, id, 'owner'),
      await setRole(admin, admin.me.user.id, 'owner'),
      await setRole(admin, owner.me.user.id, 'agent'),
      await deactivate(admin, owner.me.user.id),
      await reactivate(admin, owner.me.user.id),
    ]) {
      expect(answer).toMatchObject({ status: 403, body: { code: 'auth/forbidden' } });
    }
    expect(await memberStates()).toEqual(before);
  });

  test('an agent changes nobody (403) and another workspace’s owner finds nobody (404); nothing changes', async () => {
    const agent = await inviteMember(server, owner, 'agent');
    const target = await inviteMember(server, owner, 'agent');
    const before = await memberStates();
    for (const id of [target.me.user.id, agent.me.user.id, owner.me.user.id]) {
      for (const answer of [
        await setRole(agent, id, 'admin'),
        await deactivate(agent, id),
        await reactivate(agent, id),
      ])
        expect(answer).toMatchObject({ status: 403, body: { code: 'auth/forbidden' } });
      for (const answer of [
        await setRole(outsider, id, 'agent'),
        await deactivate(outsider, id),
        await reactivate(outsider, id),
      ])
        expect(answer).toMatchObject({ status: 404, body: { code: 'member/not_found' } });
    }
    expect(await memberStates()).toEqual(before);
    // The outsider's own workspace is untouched too.
    const theirs = await server.request<MemberList>('GET', '/v1/members', { cookie: outsider.cookie });
    expect(theirs.body.members.map((m) => [m.userId, m.role])).toEqual([[outsider.me.user.id, 'owner']]);
    expect((await setRole(owner, target.me.user.id, 'boss')).status).toBe(400);
  });
});

describe('deactivation', () => {
  test('ends the member’s sessions at once: REST 401, their socket closes with 4001, sign-in is refused', async () => {
    const member = await inviteMember(server, owner, 'agent');
    const socket = await server.connectAgent(member);
    const login = await server.request('POST', '/v1/auth/login', {
      body: { email: member.email, password: member.password },
    });
    const otherCookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    expect((await server.request('GET', '/v1/me', { cookie: otherCookie })).status).toBe(200);

    const answer = await deactivate(owner, member.me.user.id);
    expect(answer).toMatchObject({ status: 200, body: { userId: member.me.user.id } });
    expect(answer.body.deactivatedAt).not.toBeNull();

    expect(await socket.waitForClose()).toMatchObject({ code: CLOSE_CODES.unauthorized });
    for (const cookie of [member.cookie, otherCookie]) {
      expect(await server.request('GET', '/v1/me', { cookie })).toMatchObject({
        status: 401,
        body: { code: 'auth/required' },
      });
    }
    expect(await expectUpgradeRejected(server.agentWsUrl, server.agentSocketOptions(member.cookie))).toMatchObject({
      status: 401,
    });
    const again = await server.request('POST', '/v1/auth/login', {
      body: { email: member.email, password: member.password },
    });
    expect(again).toMatchObject({ status: 403, body: { code: 'auth/deactivated' } });
    expect(again.headers.getSetCookie()).toEqual([]);
    const wrong = await server.request('POST', '/v1/auth/login', {
      body: { email: member.email, password: 'not the password' },
    });
    expect(wrong).toMatchObject({ status: 401, body: { code: 'auth/invalid_credentials' } });

    // Reactivated, the same password works again.
    expect((await reactivate(owner, member.me.user.id)).body.deactivatedAt).toBeNull();
    expect(
      (await server.request('POST', '/v1/auth/login', { body: { email: member.email, password: member.password } }))
        .status,
    ).toBe(200);
  });

  test('their open conversations go to someone else, and routing no longer offers them any', async () => {
    const team = await server.signUp(undefined, { name: 'Tess Teamlead' });
    const member = await inviteMember(server, team, 'agent', 'Dora Deactivated');
    const { siteKey } = await server.inboxOf(team.cookie);
    const memberSocket = await server.connectAgent(member);
    const held = await openConversation(server, siteKey);
    expect((await waitForAssigned(held.socket, held.conversationId)).data.assignee.id).toBe(member.me.user.id);

    const leadSocket = await server.connectAgent(team);
    expect((await deactivate(team, member.me.user.id)).status).toBe(200);
    await memberSocket.waitForClose();
    await waitForUnassigned(leadSocket, held.conversationId);
    await eventually(async () => expect(await assigneeOf(server, held.conversationId)).toBe(team.me.user.id));

    // Even while presence still counts them (another process's socket, say), routing skips them.
    await server.app.realtime.presence.addSocket(team.me.workspace.id, member.me.user.id);
    await leadSocket.close();
    await eventually(async () =>
      expect(await server.app.realtime.presence.onlineAgentIds(team.me.workspace.id)).toEqual([member.me.user.id]),
    );
    const next = await openConversation(server, siteKey);
    await eventually(async () => {
      const decision = await server.db
        .selectFrom('routing_decisions')
        .select(['outcome', 'reason'])
        .where('conversation_id', '=', next.conversationId)
        .executeTakeFirst();
      expect(decision?.outcome).toBe('queued');
    });
    expect(await assigneeOf(server, next.conversationId)).toBeNull();
    await server.app.realtime.presence.removeSocket(team.me.workspace.id, member.me.user.id);
  });

  test('nobody deactivates themselves (409), and deactivating twice changes nothing', async () => {
    const admin = await inviteMember(server, owner, 'admin');
    for (const actor of [owner, admin]) {
      expect(await deactivate(actor, actor.me.user.id)).toMatchObject({
        status: 409,
        body: { code: 'member/self_deactivation' },
      });
      expect((await server.request('GET', '/v1/me', { cookie: actor.cookie })).status).toBe(200);
    }
    const member = await inviteMember(server, owner, 'agent');
    const first = await deactivate(admin, member.me.user.id);
    const second = await deactivate(admin, member.me.user.id);
    expect(second.body.deactivatedAt).toBe(first.body.deactivatedAt);
  });
});
