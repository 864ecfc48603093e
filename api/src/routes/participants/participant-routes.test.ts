import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ServerFrame } from '../../protocol/frames.ts';
import type { AgentConversationList } from '../../protocol/label-rest.ts';
import type { ParticipantList } from '../../protocol/note-rest.ts';
import type { Inbox } from '../../protocol/rest.ts';
import { waitForAssigned } from '../../testing/routing-helpers.ts';
import { startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';
import { delay, type TestSocket } from '../../testing/test-socket.ts';

// Who hears a join or a leave: the live agent sockets that follow the conversation (its holder, those that
// opened it or take part), and the joiner's own console even when it neither holds nor follows it (the
// Participating view of it must move live); not the rest of the workspace, never another workspace. A socket
// that is not live yet is not sent the change: it reads the list once live, and the list's summaries carry
// the participants.

let server: TestServer;
let ann: TestAgent;
let ben: TestAgent;
/** Ann's teammate, who neither holds nor joins the conversations here. */
let cal: TestAgent;
/** Another workspace. */
let stranger: TestAgent;
let inbox: Inbox;
beforeAll(async () => {
  server = await startTestServer();
  ann = await server.signUp(undefined, { name: 'Ann Holder' });
  ben = await server.signUp(undefined, { name: 'Ben Joiner' });
  stranger = await server.signUp(undefined, { name: 'Sam Stranger' });
  cal = await server.signUp(undefined, { name: 'Cal Bystander' });
  await server.moveAgentToWorkspace(ben.me.user.id, ann.me.workspace.id);
  await server.moveAgentToWorkspace(cal.me.user.id, ann.me.workspace.id);
  inbox = await server.inboxOf(ann.cookie);
});
afterAll(() => server.close());

async function newConversation() {
  const { socket: visitor } = await server.connectVisitor(inbox.siteKey);
  const { conversationId } = await visitor.sendAcked({ body: 'can someone help?' });
  return { conversationId, visitor };
}

const pathOf = (conversationId: string) => `/v1/conversations/${conversationId}/participants`;
const isChangeOf = (conversationId: string) => (frame: ServerFrame) =>
  frame.type === 'conversation.participants_changed' && frame.data.conversationId === conversationId;
const idsIn = (frame: ServerFrame) =>
  frame.type === 'conversation.participants_changed' ? frame.data.participants.map((p) => p.id) : null;

async function participantIdsListed(agent: TestAgent, conversationId: string) {
  const list = await server.request<AgentConversationList>('GET', '/v1/conversations?status=all', {
    cookie: agent.cookie,
  });
  expect(list.status).toBe(200);
  return list.body.conversations.find((conversation) => conversation.id === conversationId)?.participantIds;
}

/** Lets any frame still on its way arrive, so "none came" means something. */
async function settle(...sockets: TestSocket[]) {
  for (const socket of sockets) {
    const id = `ping-${Math.random()}`;
    socket.send({ type: 'ping', id });
    await socket.waitFor((frame) => frame.type === 'pong');
  }
  await delay(100);
}

describe('a join made elsewhere', () => {
  test("reaches the joiner's own live socket that does not follow the conversation, and the holder's", async () => {
    // Ann is the only one online when the visitor writes, so routing (which runs after the ack) gives it to her.
    const annSocket = await server.connectAgent(ann);
    const { conversationId, visitor } = await newConversation();
    expect((await waitForAssigned(visitor, conversationId)).data.assignee.id).toBe(ann.me.user.id);
    const benSocket = await server.connectAgent(ben);
    const strangerSocket = await server.connectAgent(stranger);

    const joined = await server.request<ParticipantList>('POST', pathOf(conversationId), { cookie: ben.cookie });
    expect(joined.status).toBe(200);
    expect(joined.body.participants.map((p) => p.id)).toEqual([ben.me.user.id]);

    expect(idsIn(await benSocket.waitFor(isChangeOf(conversationId)))).toEqual([ben.me.user.id]);
    expect(idsIn(await annSocket.waitFor(isChangeOf(conversationId)))).toEqual([ben.me.user.id]);
    expect(await participantIdsListed(ben, conversationId)).toEqual([ben.me.user.id]);

    // Joining again changes nothing and announces nothing.
    expect((await server.request('POST', pathOf(conversationId), { cookie: ben.cookie })).status).toBe(200);
    await settle(benSocket, strangerSocket);
    expect(benSocket.frames.filter(isChangeOf(conversationId))).toHaveLength(1);
    expect(strangerSocket.frames.some((frame) => frame.type === 'conversation.participants_changed')).toBe(false);
  });

  test('a teammate who does not follow the conversation does not hear it, until they open it', async () => {
    const { conversationId } = await newConversation();
    const calSocket = await server.connectAgent(cal);
    await server.request('POST', pathOf(conversationId), { cookie: ben.cookie });
    await settle(calSocket);
    expect(calSocket.frames.some(isChangeOf(conversationId))).toBe(false);

    await calSocket.follow(conversationId);
    await server.request('DELETE', pathOf(conversationId), { cookie: ben.cookie });
    expect(idsIn(await calSocket.waitFor(isChangeOf(conversationId)))).toEqual([]);
  });

  test('before the socket is live it is not sent; the list read once live carries it', async () => {
    const { conversationId } = await newConversation();
    const benSocket = await server.openAgentSocket(ben.cookie);
    const joined = await server.request<ParticipantList>('POST', pathOf(conversationId), { cookie: ben.cookie });
    expect(joined.body.participants.map((p) => p.id)).toEqual([ben.me.user.id]);
    const { before } = await benSocket.hello();
    await settle(benSocket);
    expect([...before, ...benSocket.frames].some(isChangeOf(conversationId))).toBe(false);
    expect(await participantIdsListed(ben, conversationId)).toEqual([ben.me.user.id]);
  });
});

describe('leaving', () => {
  test('takes the agent out for every live socket of the workspace and out of the list; once', async () => {
    const { conversationId } = await newConversation();
    await server.request('POST', pathOf(conversationId), { cookie: ann.cookie });
    await server.request('POST', pathOf(conversationId), { cookie: ben.cookie });
    const benSocket = await server.connectAgent(ben);
    const annSocket = await server.connectAgent(ann);

    const left = await server.request<ParticipantList>('DELETE', pathOf(conversationId), { cookie: ben.cookie });
    expect(left.status).toBe(200);
    expect(left.body.participants.map((p) => p.id)).toEqual([ann.me.user.id]);
    expect(idsIn(await benSocket.waitFor(isChangeOf(conversationId)))).toEqual([ann.me.user.id]);
    expect(idsIn(await annSocket.waitFor(isChangeOf(conversationId)))).toEqual([ann.me.user.id]);
    expect(await participantIdsListed(ben, conversationId)).toEqual([ann.me.user.id]);

    const again = await server.request<ParticipantList>('DELETE', pathOf(conversationId), { cookie: ben.cookie });
    expect(again.status).toBe(200);
    expect(again.body.participants.map((p) => p.id)).toEqual([ann.me.user.id]);
    await settle(benSocket);
    expect(benSocket.frames.filter(isChangeOf(conversationId))).toHaveLength(1);
  });

  test("another workspace's conversation is a 404 and keeps its participants", async () => {
    const { conversationId } = await newConversation();
    await server.request('POST', pathOf(conversationId), { cookie: ben.cookie });
    expect((await server.request('DELETE', pathOf(conversationId), { cookie: stranger.cookie })).status).toBe(404);
    expect((await server.request('DELETE', pathOf(conversationId), {})).status).toBe(401);
    expect(await participantIdsListed(ann, conversationId)).toEqual([ben.me.user.id]);
  });
});
