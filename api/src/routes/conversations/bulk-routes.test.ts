import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTeam, openConversation, waitForAssigned } from '../../testing/routing-helpers.ts';
import { eventually, startTestServer, type TestServer } from '../../testing/test-server.ts';

// POST /v1/conversations/bulk: one action on many conversations, each changed entirely or not at all,
// only in the caller's workspace.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function workspaceWith(count: number, names = ['Ada', 'Bo']) {
  const team = await createTeam(server, names);
  const socket = await server.connectAgent(team.agents[0]!);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const visitor = await openConversation(server, team.inbox.siteKey, { body: `question ${i}` });
    await waitForAssigned(visitor.socket, visitor.conversationId);
    ids.push(visitor.conversationId);
  }
  return { ...team, socket, ids };
}

async function statesOf(ids: string[]) {
  const rows = await server.db
    .selectFrom('conversations')
    .select(['id', 'status', 'priority', 'last_seq'])
    .where('id', 'in', ids)
    .execute();
  return Object.fromEntries(
    rows.map((row) => [row.id, { status: row.status, priority: row.priority, lastSeq: row.last_seq }]),
  );
}

describe('POST /v1/conversations/bulk', () => {
  test('resolves three conversations, each with its event; an agent (not admin) may', async () => {
    const { agents, ids, socket } = await workspaceWith(3);
    const agent = agents[1]!;
    const response = await server.request('POST', '/v1/conversations/bulk', {
      cookie: agent.cookie,
      body: { ids, action: { type: 'status', status: 'resolved' } },
    });
    expect(response.status).toBe(200);
    expect(response.body.results).toEqual(ids.map((id) => ({ id, ok: true })));
    const states = await statesOf(ids);
    for (const id of ids) expect(states[id]).toMatchObject({ status: 'resolved', lastSeq: 4 });
    for (const id of ids) await eventually(() => expect(socket.events(id).at(-1)?.type).toBe('conversation.resolved'));
  });

  test('priority, snooze and labels in bulk', async () => {
    const { agents, ids } = await workspaceWith(2);
    const { cookie } = agents[0]!;
    const priority = await server.request('POST', '/v1/conversations/bulk', {
      cookie,
      body: { ids, action: { type: 'priority', priority: 'high' } },
    });
    expect(priority.body.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    const snoozedUntil = new Date(Date.now() + 86_400_000).toISOString();
    await server.request('POST', '/v1/conversations/bulk', {
      cookie,
      body: { ids, action: { type: 'status', status: 'snoozed', snoozedUntil } },
    });
    const states = await statesOf(ids);
    for (const id of ids) expect(states[id]).toMatchObject({ status: 'snoozed', priority: 3, lastSeq: 5 });

    const label = await server.request('POST', '/v1/labels', { cookie, body: { name: 'billing', color: 'red' } });
    expect(label.status).toBeLessThan(300);
    const labelId = label.body.id;
    const labelled = await server.request('POST', '/v1/conversations/bulk', {
      cookie,
      body: { ids, action: { type: 'label', labelId, change: 'add' } },
    });
    expect(labelled.body.results).toEqual(ids.map((id) => ({ id, ok: true })));
    const list = await server.request('GET', `/v1/conversations?status=snoozed&label=${labelId}`, { cookie });
    expect(list.body.conversations.map((c: { id: string }) => c.id).sort()).toEqual([...ids].sort());
  });

  test('foreign and missing ids fail one by one and change nothing in the other workspace', async () => {
    const ours = await workspaceWith(1, ['Eve']);
    const theirs = await workspaceWith(2, ['Mallory']);
    const before = await statesOf(theirs.ids);
    const missing = '00000000-0000-4000-8000-000000000000';
    const response = await server.request('POST', '/v1/conversations/bulk', {
      cookie: ours.agents[0]!.cookie,
      body: { ids: [...theirs.ids, ours.ids[0], missing], action: { type: 'status', status: 'resolved' } },
    });
    expect(response.status).toBe(200);
    expect(response.body.results).toEqual([
      { id: theirs.ids[0], ok: false, code: 'conversation/not_found', message: 'No such conversation.' },
      { id: theirs.ids[1], ok: false, code: 'conversation/not_found', message: 'No such conversation.' },
      { id: ours.ids[0], ok: true },
      { id: missing, ok: false, code: 'conversation/not_found', message: 'No such conversation.' },
    ]);
    expect(await statesOf(theirs.ids)).toEqual(before);
    for (const type of ['priority', 'assign'] as const) {
      const action =
        type === 'priority' ? { type, priority: 'urgent' } : { type, assigneeId: ours.agents[0]!.me.user.id };
      const answer = await server.request('POST', '/v1/conversations/bulk', {
        cookie: ours.agents[0]!.cookie,
        body: { ids: theirs.ids, action },
      });
      expect(answer.body.results.map((r: { code: string }) => r.code)).toEqual([
        'conversation/not_found',
        'conversation/not_found',
      ]);
    }
    expect(await statesOf(theirs.ids)).toEqual(before);
  });

  test('schema and limits: no ids, more than 100, duplicates, unknown action, bad snooze; signed out', async () => {
    const { agents, ids } = await workspaceWith(1, ['Flo']);
    const { cookie } = agents[0]!;
    const many = Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const bodies = [
      { ids: [], action: { type: 'status', status: 'resolved' } },
      { ids: many, action: { type: 'status', status: 'resolved' } },
      { ids: [ids[0], ids[0]], action: { type: 'status', status: 'resolved' } },
      { ids, action: { type: 'delete' } },
      { ids, action: { type: 'priority', priority: 'extreme' } },
      { ids: ['not-a-uuid'], action: { type: 'status', status: 'open' } },
    ];
    for (const body of bodies) {
      const response = await server.request('POST', '/v1/conversations/bulk', { cookie, body });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('request/invalid');
    }
    const badSnooze = await server.request('POST', '/v1/conversations/bulk', {
      cookie,
      body: { ids, action: { type: 'status', status: 'snoozed', snoozedUntil: '2020-01-01T00:00:00Z' } },
    });
    expect(badSnooze).toMatchObject({ status: 400, body: { code: 'conversation/snooze_invalid' } });
    const signedOut = await server.request('POST', '/v1/conversations/bulk', {
      body: { ids, action: { type: 'status', status: 'resolved' } },
    });
    expect(signedOut.status).toBe(401);
    expect((await statesOf(ids))[ids[0]!]).toMatchObject({ status: 'open', lastSeq: 3 });
  });
});
