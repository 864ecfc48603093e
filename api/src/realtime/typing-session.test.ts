import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ServerFrame } from '../protocol/frames.ts';
import { startTestServer, type TestAgent, type TestServer } from '../testing/test-server.ts';
import { nextFrameId, type TestSocket } from '../testing/test-socket.ts';

// Typing and viewers over real sockets: relayed to the other party and following teammates only.

let server: TestServer;
let owner: TestAgent;
let teammate: TestAgent;
let bystander: TestAgent;
let foreign: TestAgent;
let siteKey: string;
beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp(undefined, { name: 'Anna' });
  teammate = await server.signUp(undefined, { name: 'Ben' });
  bystander = await server.signUp(undefined, { name: 'Cleo' });
  foreign = await server.signUp(undefined, { workspaceName: 'Elsewhere' });
  await server.moveAgentToWorkspace(teammate.me.user.id, owner.me.workspace.id);
  await server.moveAgentToWorkspace(bystander.me.user.id, owner.me.workspace.id);
  siteKey = (await server.inboxOf(owner.cookie)).siteKey;
});
afterAll(() => server.close());

const isTyping = (conversationId: string, value: boolean) => (frame: ServerFrame) =>
  frame.type === 'typing' && frame.data.conversationId === conversationId && frame.data.isTyping === value;
const typingFrames = (socket: TestSocket) => socket.frames.filter((frame) => frame.type === 'typing');

async function send(socket: TestSocket, type: string, data: object) {
  const id = nextFrameId();
  socket.send({ type, id, data });
  return socket.waitForAnswer(id);
}

/** A visitor with a conversation assigned to the owner, the owner's socket following it. */
async function conversationWithOwner() {
  const visitor = await server.connectVisitor(siteKey);
  const ownerSocket = await server.connectAgent(owner);
  const message = await visitor.socket.sendAcked({ body: 'hello' });
  const conversationId = message.conversationId;
  await send(ownerSocket, 'conversation.follow', { conversationId });
  return { visitor: visitor.socket, ownerSocket, conversationId };
}

describe('typing.set', () => {
  test('the visitor’s typing reaches the following agent, not a teammate who does not follow, nor another workspace', async () => {
    const { visitor, ownerSocket, conversationId } = await conversationWithOwner();
    const bystanderSocket = await server.connectAgent(bystander);
    const foreignSocket = await server.connectAgent(foreign);

    visitor.send({ type: 'typing.set', data: { conversationId, isTyping: true } });
    const heard = await ownerSocket.waitFor(isTyping(conversationId, true));
    expect(heard).toEqual({ type: 'typing', data: { conversationId, isTyping: true, by: { type: 'visitor' } } });
    visitor.send({ type: 'typing.set', data: { conversationId, isTyping: false } });
    await ownerSocket.waitFor(isTyping(conversationId, false));

    await bystanderSocket.collectFor(200);
    expect(typingFrames(bystanderSocket)).toEqual([]);
    expect(typingFrames(foreignSocket)).toEqual([]);
    // Nor back to the visitor who typed.
    expect(typingFrames(visitor)).toEqual([]);
  });

  test('an agent’s typing reaches the visitor with the agent’s name and a following teammate, not the agent’s own socket', async () => {
    const { visitor, ownerSocket, conversationId } = await conversationWithOwner();
    const teammateSocket = await server.connectAgent(teammate);
    await send(teammateSocket, 'conversation.follow', { conversationId });

    const answer = await send(ownerSocket, 'typing.set', { conversationId, isTyping: true });
    expect(answer).toMatchObject({ type: 'ack', data: {} });
    const heard = await visitor.waitFor(isTyping(conversationId, true));
    expect(heard.type === 'typing' && heard.data.by).toEqual({ type: 'agent', id: owner.me.user.id, name: 'Anna' });
    await teammateSocket.waitFor(isTyping(conversationId, true));
    await ownerSocket.collectFor(150);
    expect(typingFrames(ownerSocket)).toEqual([]);
  });

  test('on another workspace’s conversation (or another visitor’s): conversation/not_found, nothing relayed', async () => {
    const { visitor, ownerSocket, conversationId } = await conversationWithOwner();
    const foreignSocket = await server.connectAgent(foreign);
    const refused = await send(foreignSocket, 'typing.set', { conversationId, isTyping: true });
    expect(refused).toMatchObject({ type: 'error', data: { code: 'conversation/not_found' } });

    const other = await server.connectVisitor(siteKey);
    const alsoRefused = await send(other.socket, 'typing.set', { conversationId, isTyping: true });
    expect(alsoRefused).toMatchObject({ type: 'error', data: { code: 'conversation/not_found' } });

    await ownerSocket.collectFor(150);
    expect(typingFrames(ownerSocket)).toEqual([]);
    expect(typingFrames(visitor)).toEqual([]);
  });

  test('is validated by schema', async () => {
    const { visitor, conversationId } = await conversationWithOwner();
    expect(await send(visitor, 'typing.set', { conversationId, isTyping: 'yes' })).toMatchObject({
      type: 'error',
      data: { code: 'frame/invalid' },
    });
    expect(await send(visitor, 'typing.set', { conversationId: 'nope', isTyping: true })).toMatchObject({
      type: 'error',
      data: { code: 'frame/invalid' },
    });
    expect(await send(visitor, 'typing.set', { conversationId, isTyping: true, extra: 1 })).toMatchObject({
      type: 'error',
      data: { code: 'frame/invalid' },
    });
  });

  test('is rate limited per socket: a burst beyond six is refused with rate/limited and not relayed', async () => {
    const { visitor, ownerSocket, conversationId } = await conversationWithOwner();
    const ids = Array.from({ length: 12 }, () => nextFrameId());
    for (const id of ids) visitor.send({ type: 'typing.set', id, data: { conversationId, isTyping: true } });
    const answers = await Promise.all(ids.map((id) => visitor.waitForAnswer(id)));
    const refused = answers.filter((answer) => answer.type === 'error');
    expect(refused.length).toBeGreaterThanOrEqual(5);
    expect(refused[0]).toMatchObject({ data: { code: 'rate/limited' } });
    await ownerSocket.collectFor(150);
    expect(typingFrames(ownerSocket).length).toBe(answers.length - refused.length);
  });
});

describe('conversation.view', () => {
  test('teammates viewing the same conversation see each other (the newcomer hears who is already there), and the leave', async () => {
    const { ownerSocket, conversationId } = await conversationWithOwner();
    await send(ownerSocket, 'conversation.view', { conversationId });
    const teammateSocket = await server.connectAgent(teammate);
    await send(teammateSocket, 'conversation.follow', { conversationId });
    await send(teammateSocket, 'conversation.view', { conversationId });

    const isViewer = (id: string, isViewing: boolean) => (frame: ServerFrame) =>
      frame.type === 'conversation.viewer' &&
      frame.data.conversationId === conversationId &&
      frame.data.agent.id === id &&
      frame.data.isViewing === isViewing;
    await ownerSocket.waitFor(isViewer(teammate.me.user.id, true));
    await teammateSocket.waitFor(isViewer(owner.me.user.id, true));

    await send(teammateSocket, 'conversation.view', { conversationId: null });
    await ownerSocket.waitFor(isViewer(teammate.me.user.id, false));
    // The owner's leave when the socket closes.
    ownerSocket.close();
    await teammateSocket.waitFor(isViewer(owner.me.user.id, false));
  });

  test('is for agents only, and only on the workspace’s conversations', async () => {
    const { visitor, conversationId } = await conversationWithOwner();
    expect(await send(visitor, 'conversation.view', { conversationId })).toMatchObject({
      type: 'error',
      data: { code: 'frame/unknown_type' },
    });
    const foreignSocket = await server.connectAgent(foreign);
    expect(await send(foreignSocket, 'conversation.view', { conversationId })).toMatchObject({
      type: 'error',
      data: { code: 'conversation/not_found' },
    });
  });
});
