import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTeam, openConversation } from '../../testing/routing-helpers.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

// The summary carries the conversation's team (for the console's per-team views); visitors never see it.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('ConversationSummary.teamId', () => {
  test('agents read the team of each conversation, null without one', async () => {
    const team = await createTeam(server, ['Ada']);
    const { cookie } = team.agents[0]!;
    const created = await server.request('POST', '/v1/teams', { cookie, body: { name: 'Billing' } });
    expect(created.status).toBe(201);
    const first = await openConversation(server, team.inbox.siteKey, { body: 'refund please' });
    const second = await openConversation(server, team.inbox.siteKey, { body: 'hello' });
    await server.db
      .updateTable('conversations')
      .set({ team_id: created.body.id })
      .where('id', '=', first.conversationId)
      .execute();

    const list = await server.request('GET', '/v1/conversations?status=all', { cookie });
    expect(list.status).toBe(200);
    const byId = new Map(list.body.conversations.map((c: { id: string; teamId: unknown }) => [c.id, c.teamId]));
    expect(byId.get(first.conversationId)).toBe(created.body.id);
    expect(byId.get(second.conversationId)).toBeNull();

    const detail = await server.request('GET', `/v1/conversations/${first.conversationId}`, { cookie });
    expect(detail.body.conversation.teamId).toBe(created.body.id);
  });

  test('agents read who takes part, in the order they joined', async () => {
    const team = await createTeam(server, ['Dee', 'Fay']);
    const [dee, fay] = team.agents;
    const conversation = await openConversation(server, team.inbox.siteKey, { body: 'help' });
    const before = await server.request('GET', `/v1/conversations/${conversation.conversationId}`, {
      cookie: dee!.cookie,
    });
    expect(before.body.conversation.participantIds).toEqual([]);
    const joined = await server.request('POST', `/v1/conversations/${conversation.conversationId}/participants`, {
      cookie: fay!.cookie,
    });
    expect(joined.status).toBe(200);
    const list = await server.request('GET', '/v1/conversations?status=all', { cookie: dee!.cookie });
    const summary = list.body.conversations.find((c: { id: string }) => c.id === conversation.conversationId);
    expect(summary.participantIds).toEqual([fay!.me.user.id]);
  });

  test('another workspace lists none of these conversations', async () => {
    const team = await createTeam(server, ['Cy']);
    const conversation = await openConversation(server, team.inbox.siteKey, { body: 'hi' });
    const stranger = await server.signUp(undefined, { name: 'Eve' });
    const list = await server.request('GET', '/v1/conversations?status=all', { cookie: stranger.cookie });
    expect(list.body.conversations.map((c: { id: string }) => c.id)).not.toContain(conversation.conversationId);
  });
});
