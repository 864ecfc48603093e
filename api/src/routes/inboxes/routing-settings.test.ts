import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Inbox, Queue, RoutingDecisionList } from '../../protocol/rest.ts';
import { createTeam, openConversation, waitForAssigned, waitForDecision } from '../../testing/routing-helpers.ts';
import { startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;
let owner: TestAgent;
let agent: TestAgent;
let outsider: TestAgent;
let inbox: Inbox;
beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp(undefined, { name: 'Olga Owner' });
  agent = await server.signUp(undefined, { name: 'Arno Agent' });
  outsider = await server.signUp(undefined, { name: 'Otto Outsider' });
  await server.moveAgentToWorkspace(agent.me.user.id, owner.me.workspace.id);
  inbox = await server.inboxOf(owner.cookie);
});
afterAll(() => server.close());

const weekdaysNineToFive = {
  timezone: 'Europe/Berlin',
  weekly: { mon: [{ start: '09:00', end: '17:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  exceptions: [],
};

test('an inbox shows its routing settings, with sensible defaults', () => {
  expect(inbox.routing).toEqual({ mode: 'auto', defaultCapacity: 10, reassignAfterSeconds: null, businessHours: null });
});

test('an owner changes routing settings; the inbox answers with them', async () => {
  const routing = { mode: 'manual', defaultCapacity: 2, reassignAfterSeconds: 120, businessHours: weekdaysNineToFive };
  const answer = await server.request<Inbox>('PATCH', `/v1/inboxes/${inbox.id}`, {
    cookie: owner.cookie,
    body: { routing },
  });
  expect(answer.status).toBe(200);
  expect(answer.body.routing).toEqual(routing);
  const reset = { mode: 'auto', defaultCapacity: 10, reassignAfterSeconds: null, businessHours: null };
  expect(
    (
      await server.request<Inbox>('PATCH', `/v1/inboxes/${inbox.id}`, {
        cookie: owner.cookie,
        body: { routing: reset },
      })
    ).body.routing,
  ).toEqual(reset);
});

test('an agent cannot change routing settings, and nothing changes', async () => {
  const answer = await server.request('PATCH', `/v1/inboxes/${inbox.id}`, {
    cookie: agent.cookie,
    body: { routing: { mode: 'off' } },
  });
  expect(answer).toMatchObject({ status: 403, body: { code: 'auth/forbidden' } });
  expect((await server.inboxOf(owner.cookie)).routing.mode).toBe('auto');
});

test('business hours that make no sense are refused with the problem named', async () => {
  const badZone = { ...weekdaysNineToFive, timezone: 'Mars/Olympus_Mons' };
  const answer = await server.request('PATCH', `/v1/inboxes/${inbox.id}`, {
    cookie: owner.cookie,
    body: { routing: { businessHours: badZone } },
  });
  expect(answer).toMatchObject({ status: 400, body: { code: 'request/invalid' } });
  expect((answer.body as { message: string }).message).toMatch(/Mars\/Olympus_Mons/);
  const badTime = await server.request('PATCH', `/v1/inboxes/${inbox.id}`, {
    cookie: owner.cookie,
    body: { routing: { defaultCapacity: 0 } },
  });
  expect(badTime).toMatchObject({ status: 400, body: { code: 'request/invalid' } });
});

test('the queue and the routing log of a conversation: agents see the queue, only owners and admins the log', async () => {
  const { socket } = await server.connectVisitor(inbox.siteKey);
  const { conversationId } = await socket.sendAcked({ body: 'anyone there?' });

  const queue = await server.request<Queue>('GET', `/v1/inboxes/${inbox.id}/queue`, { cookie: agent.cookie });
  expect(queue.status).toBe(200);
  expect(queue.body.conversations.find((c) => c.id === conversationId)).toMatchObject({ position: expect.any(Number) });
  expect(queue.body.length).toBeGreaterThanOrEqual(1);

  await server.connectAgent(owner);
  await socket.waitFor(
    (frame) => frame.type === 'conversation.assigned' && frame.data.conversationId === conversationId,
  );
  const log = await server.request<RoutingDecisionList>('GET', `/v1/conversations/${conversationId}/routing`, {
    cookie: owner.cookie,
  });
  expect(log.status).toBe(200);
  expect(log.body.decisions.map((d) => d.outcome)).toEqual(['queued', 'assigned']);
  expect(log.body.decisions[0]?.reason).toMatch(/no agent available/);
  expect(log.body.decisions[1]?.agent?.name).toBe('Olga Owner');

  const asAgent = await server.request('GET', `/v1/conversations/${conversationId}/routing`, { cookie: agent.cookie });
  expect(asAgent).toMatchObject({ status: 403, body: { code: 'auth/forbidden' } });
  const asOutsider = await server.request('GET', `/v1/conversations/${conversationId}/routing`, {
    cookie: outsider.cookie,
  });
  expect(asOutsider).toMatchObject({ status: 404, body: { code: 'conversation/not_found' } });
  const foreignQueue = await server.request('GET', `/v1/inboxes/${inbox.id}/queue`, { cookie: outsider.cookie });
  expect(foreignQueue).toMatchObject({ status: 404, body: { code: 'inbox/not_found' } });
});

test('signing out hands the agent’s open conversations back to the queue at once', async () => {
  const { socket } = await server.connectVisitor(inbox.siteKey);
  const { conversationId } = await socket.sendAcked({ body: 'help with my order' });
  const assigned = await socket.waitFor(
    (frame) => frame.type === 'conversation.assigned' && frame.data.conversationId === conversationId,
  );
  expect(assigned.type).toBe('conversation.assigned');
  const holder = assigned.type === 'conversation.assigned' ? assigned.data.assignee.id : '';
  const holderCookie = holder === owner.me.user.id ? owner.cookie : agent.cookie;
  expect((await server.request('POST', '/v1/auth/logout', { cookie: holderCookie })).status).toBe(204);
  const unassigned = await socket.waitFor(
    (frame) => frame.type === 'conversation.unassigned' && frame.data.conversationId === conversationId,
  );
  expect(unassigned).toMatchObject({ data: { reason: 'the agent signed out' } });
});

test('switching an inbox back to automatic assigns what waited meanwhile, without waiting for the sweeper', async () => {
  const team = await createTeam(server, ['Sam']);
  const sam = team.agents[0]!;
  const setMode = (mode: string) =>
    server.request('PATCH', `/v1/inboxes/${team.inbox.id}`, { cookie: sam.cookie, body: { routing: { mode } } });
  expect((await setMode('manual')).status).toBe(200);
  await server.connectAgent(sam);
  const visitor = await openConversation(server, team.inbox.siteKey);
  await waitForDecision(server, visitor.conversationId, 'queued');
  expect((await setMode('auto')).status).toBe(200);
  // The sweeper runs every 5 s here; this must come from the change itself.
  await waitForAssigned(visitor.socket, visitor.conversationId, 2_000);
});
