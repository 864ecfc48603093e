import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Inbox } from '../../protocol/rest.ts';
import type { MemberList, RoutingRuleList, Team, TeamList } from '../../protocol/team-rest.ts';
import { startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';

// Teams, members' capacity, who answers an inbox and its rules, over REST: what owners may do, and every
// way an agent, or someone from another workspace, is refused with nothing changed.

let server: TestServer;
let owner: TestAgent;
let agent: TestAgent;
let outsider: TestAgent;
let inbox: Inbox;
let outsiderInbox: Inbox;
beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp(undefined, { name: 'Olga Owner' });
  agent = await server.signUp(undefined, { name: 'Arno Agent' });
  outsider = await server.signUp(undefined, { name: 'Otto Outsider' });
  await server.moveAgentToWorkspace(agent.me.user.id, owner.me.workspace.id);
  inbox = await server.inboxOf(owner.cookie);
  outsiderInbox = await server.inboxOf(outsider.cookie);
});
afterAll(() => server.close());

async function createTeam(name: string, memberIds: string[] = []): Promise<Team> {
  const answer = await server.request<Team>('POST', '/v1/teams', { cookie: owner.cookie, body: { name, memberIds } });
  expect(answer.status).toBe(201);
  return answer.body;
}

describe('teams', () => {
  test('an owner creates, renames, restaffs and deletes a team; every agent of the workspace can read them', async () => {
    const team = await createTeam('Billing', [owner.me.user.id]);
    expect(team).toMatchObject({ name: 'Billing', memberIds: [owner.me.user.id] });

    const renamed = await server.request<Team>('PATCH', `/v1/teams/${team.id}`, {
      cookie: owner.cookie,
      body: { name: 'Billing & refunds', memberIds: [owner.me.user.id, agent.me.user.id] },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Billing & refunds');
    expect([...renamed.body.memberIds].sort()).toEqual([owner.me.user.id, agent.me.user.id].sort());

    const seenByAgent = await server.request<TeamList>('GET', '/v1/teams', { cookie: agent.cookie });
    expect(seenByAgent.body.teams.map((t) => t.id)).toContain(team.id);
    const seenByOutsider = await server.request<TeamList>('GET', '/v1/teams', { cookie: outsider.cookie });
    expect(seenByOutsider.body.teams.map((t) => t.id)).not.toContain(team.id);

    expect((await server.request('DELETE', `/v1/teams/${team.id}`, { cookie: owner.cookie })).status).toBe(204);
    const after = await server.request<TeamList>('GET', '/v1/teams', { cookie: owner.cookie });
    expect(after.body.teams.map((t) => t.id)).not.toContain(team.id);
  });

  test('an agent cannot create, change or delete teams, and nothing changes', async () => {
    const team = await createTeam('Sales');
    const attempts = [
      server.request('POST', '/v1/teams', { cookie: agent.cookie, body: { name: 'Mine' } }),
      server.request('PATCH', `/v1/teams/${team.id}`, { cookie: agent.cookie, body: { name: 'Taken over' } }),
      server.request('DELETE', `/v1/teams/${team.id}`, { cookie: agent.cookie }),
    ];
    for (const answer of await Promise.all(attempts)) {
      expect(answer).toMatchObject({ status: 403, body: { code: 'auth/forbidden' } });
    }
    const teams = (await server.request<TeamList>('GET', '/v1/teams', { cookie: owner.cookie })).body.teams;
    expect(teams.find((t) => t.id === team.id)?.name).toBe('Sales');
    expect(teams.some((t) => t.name === 'Mine')).toBe(false);
  });

  test('another workspace’s owner gets 404 for our team and cannot put our agents in theirs', async () => {
    const team = await createTeam('Support');
    for (const answer of [
      await server.request('PATCH', `/v1/teams/${team.id}`, { cookie: outsider.cookie, body: { name: 'Mine now' } }),
      await server.request('DELETE', `/v1/teams/${team.id}`, { cookie: outsider.cookie }),
    ]) {
      expect(answer).toMatchObject({ status: 404, body: { code: 'team/not_found' } });
    }
    const poach = await server.request('POST', '/v1/teams', {
      cookie: outsider.cookie,
      body: { name: 'Poachers', memberIds: [agent.me.user.id] },
    });
    expect(poach).toMatchObject({ status: 400, body: { code: 'request/invalid' } });
    const teams = (await server.request<TeamList>('GET', '/v1/teams', { cookie: owner.cookie })).body.teams;
    expect(teams.find((t) => t.id === team.id)?.name).toBe('Support');
  });

  test('team names are unique in a workspace, ignoring case; another workspace may use the same', async () => {
    const first = await createTeam('Refunds');
    const again = await server.request('POST', '/v1/teams', { cookie: owner.cookie, body: { name: 'REFUNDS' } });
    expect(again).toMatchObject({ status: 409, body: { code: 'team/name_taken' } });
    const other = await createTeam('Other desk');
    const rename = await server.request('PATCH', `/v1/teams/${other.id}`, {
      cookie: owner.cookie,
      body: { name: 'refunds' },
    });
    expect(rename).toMatchObject({ status: 409, body: { code: 'team/name_taken' } });
    const elsewhere = await server.request('POST', '/v1/teams', { cookie: outsider.cookie, body: { name: 'Refunds' } });
    expect(elsewhere.status).toBe(201);
    // Renaming a team to its own name in another case is fine.
    const recased = await server.request('PATCH', `/v1/teams/${first.id}`, {
      cookie: owner.cookie,
      body: { name: 'refunds' },
    });
    expect(recased.status).toBe(200);
  });

  test('bad input is refused with the field named', async () => {
    for (const body of [
      { name: '' },
      { name: 'x'.repeat(81) },
      { name: 'Ok', memberIds: ['not-a-uuid'] },
      { nam: 'typo' },
    ]) {
      const answer = await server.request<{ code: string; message: string }>('POST', '/v1/teams', {
        cookie: owner.cookie,
        body,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('request/invalid');
    }
  });
});

describe('members', () => {
  test('an owner sets a capacity and clears it back to the inbox default; the list shows it', async () => {
    const set = await server.request('PATCH', `/v1/members/${agent.me.user.id}`, {
      cookie: owner.cookie,
      body: { capacity: 3 },
    });
    expect(set).toMatchObject({ status: 200, body: { userId: agent.me.user.id, capacity: 3, isOnline: false } });
    await server.request('PATCH', `/v1/members/${agent.me.user.id}`, {
      cookie: owner.cookie,
      body: { capacity: null },
    });
    const list = await server.request<MemberList>('GET', '/v1/members', { cookie: agent.cookie });
    expect(list.body.members.find((m) => m.userId === agent.me.user.id)?.capacity).toBeNull();
    expect(list.body.members.map((m) => m.userId).sort()).toEqual([owner.me.user.id, agent.me.user.id].sort());
  });

  test('an agent cannot change capacities; another workspace sees 404; out-of-range values are refused', async () => {
    const byAgent = await server.request('PATCH', `/v1/members/${agent.me.user.id}`, {
      cookie: agent.cookie,
      body: { capacity: 100 },
    });
    expect(byAgent).toMatchObject({ status: 403, body: { code: 'auth/forbidden' } });
    const byOutsider = await server.request('PATCH', `/v1/members/${agent.me.user.id}`, {
      cookie: outsider.cookie,
      body: { capacity: 100 },
    });
    expect(byOutsider).toMatchObject({ status: 404, body: { code: 'member/not_found' } });
    for (const capacity of [0, 101, 2.5, '5']) {
      const answer = await server.request('PATCH', `/v1/members/${agent.me.user.id}`, {
        cookie: owner.cookie,
        body: { capacity },
      });
      expect(answer.status).toBe(400);
    }
    const list = await server.request<MemberList>('GET', '/v1/members', { cookie: owner.cookie });
    expect(list.body.members.find((m) => m.userId === agent.me.user.id)?.capacity).toBeNull();
    const seenByOutsider = await server.request<MemberList>('GET', '/v1/members', { cookie: outsider.cookie });
    expect(seenByOutsider.body.members.map((m) => m.userId)).toEqual([outsider.me.user.id]);
  });
});

describe('who answers an inbox, and its rules', () => {
  test('an owner sets the inbox’s members and rules; agents read them', async () => {
    const team = await createTeam('Billing desk', [owner.me.user.id]);
    const members = await server.request('PUT', `/v1/inboxes/${inbox.id}/members`, {
      cookie: owner.cookie,
      body: { userIds: [owner.me.user.id] },
    });
    expect(members).toMatchObject({ status: 200, body: { userIds: [owner.me.user.id] } });
    const rules = [
      { field: 'page_url', pattern: '*pricing*', teamId: team.id },
      { field: 'attribute', attributeKey: 'plan', pattern: 'enterprise', teamId: team.id },
      { field: 'language', pattern: 'de', teamId: team.id },
    ];
    const saved = await server.request<RoutingRuleList>('PUT', `/v1/inboxes/${inbox.id}/rules`, {
      cookie: owner.cookie,
      body: { rules },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.rules.map(({ field, pattern }) => `${field}:${pattern}`)).toEqual([
      'page_url:*pricing*',
      'attribute:enterprise',
      'language:de',
    ]);
    const read = await server.request<RoutingRuleList>('GET', `/v1/inboxes/${inbox.id}/rules`, {
      cookie: agent.cookie,
    });
    expect(read.body.rules).toEqual(saved.body.rules);
    // Everyone answers again, for the other tests.
    await server.request('PUT', `/v1/inboxes/${inbox.id}/members`, {
      cookie: owner.cookie,
      body: { userIds: [owner.me.user.id, agent.me.user.id] },
    });
  });

  test('an agent cannot replace members or rules; another workspace gets 404; foreign ids are refused', async () => {
    const before = await server.request<RoutingRuleList>('GET', `/v1/inboxes/${inbox.id}/rules`, {
      cookie: owner.cookie,
    });
    const team = await createTeam('Escalations');
    for (const answer of [
      await server.request('PUT', `/v1/inboxes/${inbox.id}/members`, { cookie: agent.cookie, body: { userIds: [] } }),
      await server.request('PUT', `/v1/inboxes/${inbox.id}/rules`, { cookie: agent.cookie, body: { rules: [] } }),
    ]) {
      expect(answer).toMatchObject({ status: 403, body: { code: 'auth/forbidden' } });
    }
    for (const answer of [
      await server.request('GET', `/v1/inboxes/${inbox.id}/members`, { cookie: outsider.cookie }),
      await server.request('GET', `/v1/inboxes/${inbox.id}/rules`, { cookie: outsider.cookie }),
      await server.request('PUT', `/v1/inboxes/${inbox.id}/members`, {
        cookie: outsider.cookie,
        body: { userIds: [] },
      }),
      await server.request('PUT', `/v1/inboxes/${inbox.id}/rules`, { cookie: outsider.cookie, body: { rules: [] } }),
    ]) {
      expect(answer).toMatchObject({ status: 404, body: { code: 'inbox/not_found' } });
    }
    // The outsider's own inbox cannot be staffed with our agents, nor routed to our teams.
    const strangers = await server.request('PUT', `/v1/inboxes/${outsiderInbox.id}/members`, {
      cookie: outsider.cookie,
      body: { userIds: [agent.me.user.id] },
    });
    expect(strangers).toMatchObject({ status: 400, body: { code: 'request/invalid' } });
    const foreignTeam = await server.request('PUT', `/v1/inboxes/${outsiderInbox.id}/rules`, {
      cookie: outsider.cookie,
      body: { rules: [{ field: 'language', pattern: 'en', teamId: team.id }] },
    });
    expect(foreignTeam).toMatchObject({ status: 400, body: { code: 'request/invalid' } });

    const after = await server.request<RoutingRuleList>('GET', `/v1/inboxes/${inbox.id}/rules`, {
      cookie: owner.cookie,
    });
    expect(after.body).toEqual(before.body);
    const members = await server.request('GET', `/v1/inboxes/${inbox.id}/members`, { cookie: owner.cookie });
    expect(members.body.userIds).toHaveLength(2);
  });

  test('a rule on an attribute needs its key, and other rules must not have one', async () => {
    const team = await createTeam('Key check');
    for (const rule of [
      { field: 'attribute', pattern: 'gold', teamId: team.id },
      { field: 'language', attributeKey: 'plan', pattern: 'en', teamId: team.id },
    ]) {
      const answer = await server.request('PUT', `/v1/inboxes/${inbox.id}/rules`, {
        cookie: owner.cookie,
        body: { rules: [rule] },
      });
      expect(answer).toMatchObject({ status: 400, body: { code: 'request/invalid' } });
    }
  });
});
