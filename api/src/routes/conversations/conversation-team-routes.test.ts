import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Team } from '../../protocol/team-rest.ts';
import {
  createTeam,
  decisionsOf,
  openConversation,
  sendCommand,
  waitForAssigned,
} from '../../testing/routing-helpers.ts';
import { eventually, startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';
import { nextFrameId } from '../../testing/test-socket.ts';

// PUT /v1/conversations/:id/team and the bulk `team` action: any agent moves a conversation to a team; an
// assignee outside the new team loses it and routing offers it to the team; another workspace's team or
// conversation is 404 and nothing changes.

let server: TestServer;
let outsider: TestAgent;
beforeAll(async () => {
  server = await startTestServer();
  outsider = await server.signUp(undefined, { name: 'Otto Outsider' });
});
afterAll(() => server.close());

async function createWorkspaceTeam(owner: TestAgent, name: string, memberIds: string[]): Promise<Team> {
  const answer = await server.request<Team>('POST', '/v1/teams', { cookie: owner.cookie, body: { name, memberIds } });
  expect(answer.status).toBe(201);
  return answer.body;
}

/**
 * A workspace of Ada (owner) and Bo (agent) with teams Billing (Bo) and Everyone, and a conversation that
 * routing gave to Ada (the only one online when it arrived); Bo's console opens after.
 */
async function conversationOfAda() {
  const workspace = await createTeam(server, ['Ada', 'Bo']);
  const [ada, bo] = workspace.agents as [TestAgent, TestAgent];
  const billing = await createWorkspaceTeam(ada, 'Billing', [bo.me.user.id]);
  const everyone = await createWorkspaceTeam(ada, 'Everyone', [ada.me.user.id, bo.me.user.id]);
  const adaSocket = await server.connectAgent(ada);
  const visitor = await openConversation(server, workspace.inbox.siteKey, { body: 'my invoice is wrong' });
  const assigned = await waitForAssigned(adaSocket, visitor.conversationId);
  expect(assigned.data.assignee.id).toBe(ada.me.user.id);
  const boSocket = await server.connectAgent(bo);
  return { ...visitor, workspace, ada, bo, billing, everyone, adaSocket, boSocket };
}

async function stateOf(conversationId: string) {
  return server.db
    .selectFrom('conversations')
    .select(['team_id', 'assignee_id', 'last_seq'])
    .where('id', '=', conversationId)
    .executeTakeFirstOrThrow();
}

function setTeam(agent: TestAgent, conversationId: string, teamId: string | null) {
  return server.request('PUT', `/v1/conversations/${conversationId}/team`, {
    cookie: agent.cookie,
    body: { teamId },
  });
}

describe('PUT /v1/conversations/:id/team', () => {
  test('an agent moves it to a team its assignee is not in: Ada loses it, routing gives it to Bo of Billing', async () => {
    const { conversationId, bo, billing, adaSocket, boSocket, socket: visitorSocket } = await conversationOfAda();
    const before = await stateOf(conversationId);

    const answer = await setTeam(bo, conversationId, billing.id);
    expect(answer.status).toBe(200);
    expect(answer.body.conversation).toMatchObject({ id: conversationId, teamId: billing.id });

    await eventually(() => {
      const assigned = boSocket.events(conversationId, 'conversation.assigned').at(-1);
      expect(assigned?.type === 'conversation.assigned' && assigned.data.assignee.id).toBe(bo.me.user.id);
    });
    const after = await stateOf(conversationId);
    expect(after).toMatchObject({ team_id: billing.id, assignee_id: bo.me.user.id, last_seq: before.last_seq + 3 });
    await eventually(() =>
      expect(adaSocket.events(conversationId).map((event) => event.type)).toEqual(
        expect.arrayContaining(['conversation.team_changed', 'conversation.unassigned', 'conversation.assigned']),
      ),
    );
    const teamChanged = adaSocket.events(conversationId, 'conversation.team_changed')[0]!;
    expect(teamChanged.data).toMatchObject({
      seq: before.last_seq + 1,
      team: { id: billing.id, name: 'Billing' },
      by: { id: bo.me.user.id, name: 'Bo' },
    });
    const reasons = (await decisionsOf(server, conversationId)).map((decision) => decision.outcome);
    expect(reasons.slice(-2)).toEqual(['returned', 'assigned']);

    // The visitor keeps contiguous seqs but never learns the team.
    await eventually(() => expect(visitorSocket.events(conversationId).at(-1)?.data.seq).toBe(after.last_seq));
    const seen = visitorSocket.events(conversationId).find((event) => event.data.seq === teamChanged.data.seq);
    expect(seen?.type).toBe('conversation.seq_skipped');
  });

  test('an assignee who is a member of the new team keeps it; clearing the team keeps them too', async () => {
    const { conversationId, ada, bo, everyone, adaSocket } = await conversationOfAda();
    const before = await stateOf(conversationId);
    expect((await setTeam(bo, conversationId, everyone.id)).status).toBe(200);
    expect(await stateOf(conversationId)).toEqual({
      team_id: everyone.id,
      assignee_id: ada.me.user.id,
      last_seq: before.last_seq + 1,
    });

    const cleared = await setTeam(ada, conversationId, null);
    expect(cleared.status).toBe(200);
    expect(cleared.body.conversation.teamId).toBeNull();
    expect(await stateOf(conversationId)).toEqual({
      team_id: null,
      assignee_id: ada.me.user.id,
      last_seq: before.last_seq + 2,
    });
    await eventually(() => expect(adaSocket.events(conversationId, 'conversation.team_changed')).toHaveLength(2));
    expect(adaSocket.events(conversationId, 'conversation.team_changed').at(-1)?.data).toMatchObject({ team: null });

    // The team it has already: nothing happens.
    expect((await setTeam(ada, conversationId, null)).status).toBe(200);
    expect((await stateOf(conversationId)).last_seq).toBe(before.last_seq + 2);
  });

  test('a pending conversation loses an assignee outside the new team and stays pending; a resolved one keeps its last', async () => {
    const { conversationId, bo, billing, adaSocket } = await conversationOfAda();
    const frameId = nextFrameId();
    adaSocket.send({ type: 'conversation.set_status', id: frameId, data: { conversationId, status: 'pending' } });
    expect((await adaSocket.waitForAnswer(frameId)).type).toBe('ack');
    expect((await setTeam(bo, conversationId, billing.id)).status).toBe(200);
    const row = await server.db
      .selectFrom('conversations')
      .select(['status', 'assignee_id', 'team_id'])
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'pending', assignee_id: null, team_id: billing.id });

    const other = await conversationOfAda();
    await sendCommand(other.adaSocket, 'conversation.resolve', { conversationId: other.conversationId });
    expect((await setTeam(other.bo, other.conversationId, other.billing.id)).status).toBe(200);
    expect(await stateOf(other.conversationId)).toMatchObject({
      team_id: other.billing.id,
      assignee_id: other.ada.me.user.id,
    });
  });

  test('another workspace’s team or conversation is 404 and nothing changes; a bad body is 400; no session 401', async () => {
    const { conversationId, bo, billing } = await conversationOfAda();
    const before = await stateOf(conversationId);
    const foreignTeam = await createWorkspaceTeam(outsider, 'Foreign', [outsider.me.user.id]);

    const withForeignTeam = await setTeam(bo, conversationId, foreignTeam.id);
    expect(withForeignTeam.status).toBe(404);
    expect(withForeignTeam.body.code).toBe('team/not_found');
    const missingTeam = await setTeam(bo, conversationId, crypto.randomUUID());
    expect(missingTeam.body.code).toBe('team/not_found');

    const byOutsider = await setTeam(outsider, conversationId, foreignTeam.id);
    expect(byOutsider.status).toBe(404);
    expect(byOutsider.body.code).toBe('conversation/not_found');

    const invalid = await server.request('PUT', `/v1/conversations/${conversationId}/team`, {
      cookie: bo.cookie,
      body: { teamId: 'billing' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('request/invalid');
    const anonymous = await server.request('PUT', `/v1/conversations/${conversationId}/team`, {
      body: { teamId: billing.id },
    });
    expect(anonymous.status).toBe(401);

    expect(await stateOf(conversationId)).toEqual(before);
  });
});

describe('bulk team action', () => {
  test('moves each conversation, one result per id; a foreign team fails each and changes nothing', async () => {
    const { conversationId, workspace, ada, bo, everyone, adaSocket } = await conversationOfAda();
    const other = await openConversation(server, workspace.inbox.siteKey, { body: 'and my address' });
    await waitForAssigned(other.socket, other.conversationId);
    const ids = [conversationId, other.conversationId];
    const foreignTeam = await createWorkspaceTeam(outsider, 'Foreign bulk', []);

    const refused = await server.request('POST', '/v1/conversations/bulk', {
      cookie: bo.cookie,
      body: { ids, action: { type: 'team', teamId: foreignTeam.id } },
    });
    expect(refused.status).toBe(200);
    expect(refused.body.results).toEqual(
      ids.map((id) => ({ id, ok: false, code: 'team/not_found', message: expect.any(String) })),
    );
    for (const id of ids) expect((await stateOf(id)).team_id).toBeNull();

    const moved = await server.request('POST', '/v1/conversations/bulk', {
      cookie: bo.cookie,
      body: { ids, action: { type: 'team', teamId: everyone.id } },
    });
    expect(moved.body.results).toEqual(ids.map((id) => ({ id, ok: true })));
    for (const id of ids) {
      const state = await stateOf(id);
      expect(state.team_id).toBe(everyone.id);
      // Both are members of Everyone: whoever had it keeps it.
      expect([ada.me.user.id, bo.me.user.id]).toContain(state.assignee_id);
    }
    await eventually(() => expect(adaSocket.events(conversationId, 'conversation.team_changed')).toHaveLength(1));
  });
});
