import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConversationList } from '../protocol/rest.ts';
import { startTestServer, type TestAgent, type TestServer } from '../testing/test-server.ts';
import { delay, type TestSocket } from '../testing/test-socket.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const assigneeOf = async (conversationId: string) =>
  (
    await server.db
      .selectFrom('conversations')
      .select('assignee_id')
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow()
  ).assignee_id;

function waitForAssignment(socket: TestSocket, conversationId: string, timeoutMs = 5_000) {
  return socket.waitFor<Extract<TestSocket['frames'][number], { type: 'conversation.assigned' }>>(
    (frame) => frame.type === 'conversation.assigned' && frame.data.conversationId === conversationId,
    { description: `conversation.assigned for ${conversationId}`, timeoutMs },
  );
}

async function openConversation(siteKey: string, body = 'hello') {
  const { socket } = await server.connectVisitor(siteKey);
  const { conversationId } = await socket.sendAcked({ body });
  return { socket, conversationId };
}

test('a conversation opened while no agent is online stays unassigned, and is assigned (conversation.assigned) when an agent connects', async () => {
  const agent = await server.signUp();
  const { siteKey } = await server.inboxOf(agent.cookie);
  const { socket: visitor, conversationId } = await openConversation(siteKey);

  await delay(200);
  expect(await assigneeOf(conversationId)).toBeNull();
  const list = await server.request<ConversationList>('GET', '/v1/conversations', { cookie: agent.cookie });
  expect(list.body.conversations.find((c) => c.id === conversationId)?.assignee).toBeNull();
  expect(visitor.events(conversationId, 'conversation.assigned')).toEqual([]);

  await server.connectAgent(agent);
  const assigned = await waitForAssignment(visitor, conversationId);
  expect(assigned.data.assignee).toEqual({ id: agent.me.user.id, name: agent.me.user.name });
  expect(await assigneeOf(conversationId)).toBe(agent.me.user.id);
  const after = await server.request<ConversationList>('GET', '/v1/conversations', { cookie: agent.cookie });
  expect(after.body.conversations.find((c) => c.id === conversationId)?.assignee?.id).toBe(agent.me.user.id);
});

// An agent counts as online only once its socket is live (after hello and replay), so whatever routing gives
// it arrives on a stream that is already delivering. Earlier, routing ran at the upgrade and its events were
// dropped by a socket that had not said hello yet.
test('an agent whose hello comes late is given the waiting conversation once live, and hears it', async () => {
  const agent = await server.signUp();
  const { siteKey } = await server.inboxOf(agent.cookie);
  const { socket: visitor, conversationId } = await openConversation(siteKey);

  const agentSocket = await server.openAgentSocket(agent.cookie);
  await delay(300);
  expect(await assigneeOf(conversationId)).toBeNull();
  await agentSocket.hello();
  await waitForAssignment(agentSocket, conversationId, 5_000);
  await waitForAssignment(visitor, conversationId, 5_000);
});

test('every conversation that was waiting is assigned when an agent comes online', async () => {
  const agent = await server.signUp();
  const { siteKey } = await server.inboxOf(agent.cookie);
  const waiting = [await openConversation(siteKey), await openConversation(siteKey), await openConversation(siteKey)];

  await server.connectAgent(agent);
  for (const { socket, conversationId } of waiting) await waitForAssignment(socket, conversationId);
  for (const { conversationId } of waiting) expect(await assigneeOf(conversationId)).toBe(agent.me.user.id);
});

test('with two agents online, new conversations go one to each: least busy first, then whoever waited longest', async () => {
  const first: TestAgent = await server.signUp(undefined, { name: 'First' });
  const second: TestAgent = await server.signUp(undefined, { name: 'Second' });
  await server.moveAgentToWorkspace(second.me.user.id, first.me.workspace.id);
  const { siteKey } = await server.inboxOf(first.cookie);

  // Only the first agent is online: they get the first conversation and now have one open.
  await server.connectAgent(first);
  const one = await openConversation(siteKey);
  expect((await waitForAssignment(one.socket, one.conversationId)).data.assignee.id).toBe(first.me.user.id);

  // The second agent comes online with nothing; the next conversation is theirs (least busy).
  await server.connectAgent(second);
  const two = await openConversation(siteKey);
  expect((await waitForAssignment(two.socket, two.conversationId)).data.assignee.id).toBe(second.me.user.id);

  // Both have one open; the first agent has waited longer since their last assignment.
  const three = await openConversation(siteKey);
  expect((await waitForAssignment(three.socket, three.conversationId)).data.assignee.id).toBe(first.me.user.id);

  expect(await assigneeOf(one.conversationId)).toBe(first.me.user.id);
  expect(await assigneeOf(two.conversationId)).toBe(second.me.user.id);
  expect(await assigneeOf(three.conversationId)).toBe(first.me.user.id);
});

test('two conversations opened at the same moment with two idle agents online go one to each', async () => {
  const first = await server.signUp();
  const second = await server.signUp();
  await server.moveAgentToWorkspace(second.me.user.id, first.me.workspace.id);
  const { siteKey } = await server.inboxOf(first.cookie);
  await Promise.all([server.connectAgent(first), server.connectAgent(second)]);

  const [a, b] = await Promise.all([openConversation(siteKey, 'a'), openConversation(siteKey, 'b')]);
  const assignees = await Promise.all([
    waitForAssignment(a!.socket, a!.conversationId),
    waitForAssignment(b!.socket, b!.conversationId),
  ]);
  expect(assignees.map((frame) => frame.data.assignee.id).sort()).toEqual([first.me.user.id, second.me.user.id].sort());
});
