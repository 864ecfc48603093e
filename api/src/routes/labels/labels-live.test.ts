import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ServerFrame } from '../../protocol/frames.ts';
import type { ConversationLabels, Label, LabelList } from '../../protocol/label-rest.ts';
import { type HubNotice, topics } from '../../realtime/hub.ts';
import { createRedisHub } from '../../realtime/redis-hub.ts';
import { dropKeys, freshKeyPrefix, isTestRedisReachable, TEST_REDIS_URL } from '../../testing/redis.ts';
import { eventually, startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';
import type { TestSocket } from '../../testing/test-socket.ts';

// Label changes reach every agent socket of the workspace at once, as frames without a seq: a
// conversation's labels after PUT/DELETE …/labels/:labelId, the whole set after a label is created,
// changed or deleted. Another workspace's agents and the visitors never hear them, nor a refused change.

type LabelFrame = Extract<ServerFrame, { type: 'conversation.labels_changed' | 'labels.changed' }>;

const isLabelFrame = (frame: ServerFrame): frame is LabelFrame =>
  frame.type === 'conversation.labels_changed' || frame.type === 'labels.changed';

const labelFramesOf = (socket: TestSocket, from = 0) => socket.frames.slice(from).filter(isLabelFrame);

function waitForConversationLabels(socket: TestSocket, conversationId: string, labels: Label[]) {
  return socket.waitFor(
    (frame) =>
      frame.type === 'conversation.labels_changed' &&
      frame.data.conversationId === conversationId &&
      JSON.stringify(frame.data.labels) === JSON.stringify(labels),
    { description: `conversation.labels_changed with ${labels.map((label) => label.name).join(', ') || 'none'}` },
  );
}

function waitForLabelSet(socket: TestSocket, labels: Label[]) {
  return socket.waitFor(
    (frame) => frame.type === 'labels.changed' && JSON.stringify(frame.data.labels) === JSON.stringify(labels),
    { description: `labels.changed with ${labels.map((label) => label.name).join(', ')}` },
  );
}

async function startWorkspace(server: TestServer) {
  const owner = await server.signUp(undefined, { name: 'Olga Owner' });
  const agent = await server.signUp(undefined, { name: 'Arno Agent' });
  const outsider = await server.signUp(undefined, { name: 'Otto Outsider' });
  await server.moveAgentToWorkspace(agent.me.user.id, owner.me.workspace.id);
  const visitor = await server.connectVisitor((await server.inboxOf(owner.cookie)).siteKey);
  const conversationId = (await visitor.socket.sendAcked({ body: 'Where is my parcel?' })).conversationId;
  return { owner, agent, outsider, visitor: visitor.socket, conversationId };
}

describe('label frames on one api process', () => {
  let server: TestServer;
  let owner: TestAgent;
  let agent: TestAgent;
  let outsider: TestAgent;
  let conversationId: string;
  let ownerSocket: TestSocket;
  let agentSocket: TestSocket;
  let outsiderSocket: TestSocket;
  let visitorSocket: TestSocket;
  let theirLabel: Label;
  beforeAll(async () => {
    server = await startTestServer();
    ({ owner, agent, outsider, conversationId, visitor: visitorSocket } = await startWorkspace(server));
    ownerSocket = await server.connectAgent(owner);
    agentSocket = await server.connectAgent(agent);
    outsiderSocket = await server.connectAgent(outsider);
  });
  afterAll(() => server.close());

  const createLabel = async (name: string, color = 'blue') =>
    (await server.request<Label>('POST', '/v1/labels', { cookie: owner.cookie, body: { name, color } })).body;
  const changeLabel = (method: 'PUT' | 'DELETE', labelId: string, cookie = agent.cookie, id = conversationId) =>
    server.request<ConversationLabels>(method, `/v1/conversations/${id}/labels/${labelId}`, { cookie });
  const workspaceLabels = async () =>
    (await server.request<LabelList>('GET', '/v1/labels', { cookie: owner.cookie })).body.labels;

  test('an agent puts a label on and takes it off: both agents’ sockets hear the conversation’s labels at once', async () => {
    const urgent = await createLabel('Urgent', 'orange');
    const added = await changeLabel('PUT', urgent.id);
    expect(added.body.labels).toEqual([urgent]);
    for (const socket of [ownerSocket, agentSocket]) {
      const frame = await waitForConversationLabels(socket, conversationId, [urgent]);
      expect(frame).toEqual({
        type: 'conversation.labels_changed',
        data: { conversationId, labels: added.body.labels },
      });
    }

    const removed = await changeLabel('DELETE', urgent.id, owner.cookie);
    expect(removed.body.labels).toEqual([]);
    for (const socket of [ownerSocket, agentSocket]) await waitForConversationLabels(socket, conversationId, []);
  });

  test('creating, renaming, recolouring and deleting a label: every agent socket hears the workspace’s new set', async () => {
    const billing = await createLabel('Billing', 'green');
    for (const socket of [ownerSocket, agentSocket]) await waitForLabelSet(socket, await workspaceLabels());

    await changeLabel('PUT', billing.id);
    const renamed = await server.request<Label>('PATCH', `/v1/labels/${billing.id}`, {
      cookie: owner.cookie,
      body: { name: 'Accounts', color: 'teal' },
    });
    expect(renamed.body).toEqual({ id: billing.id, name: 'Accounts', color: 'teal' });
    const afterRename = await workspaceLabels();
    expect(afterRename).toContainEqual(renamed.body);
    for (const socket of [ownerSocket, agentSocket]) await waitForLabelSet(socket, afterRename);

    expect((await server.request('DELETE', `/v1/labels/${billing.id}`, { cookie: owner.cookie })).status).toBe(204);
    const afterDelete = await workspaceLabels();
    expect(afterDelete.map((label) => label.id)).not.toContain(billing.id);
    for (const socket of [ownerSocket, agentSocket]) await waitForLabelSet(socket, afterDelete);
  });

  test('refused changes are not announced: an agent’s 403, another workspace’s 404', async () => {
    const vip = await createLabel('VIP', 'purple');
    theirLabel = (
      await server.request<Label>('POST', '/v1/labels', { cookie: outsider.cookie, body: { name: 'X', color: 'red' } })
    ).body;
    await waitForLabelSet(ownerSocket, await workspaceLabels());
    const mark = ownerSocket.frames.length;

    const refused = [
      await server.request('PATCH', `/v1/labels/${vip.id}`, { cookie: agent.cookie, body: { name: 'Mine' } }),
      await server.request('DELETE', `/v1/labels/${vip.id}`, { cookie: agent.cookie }),
      await server.request('POST', '/v1/labels', { cookie: agent.cookie, body: { name: 'New', color: 'red' } }),
      await changeLabel('PUT', vip.id, outsider.cookie),
      await changeLabel('PUT', theirLabel.id, owner.cookie),
      await server.request('PATCH', `/v1/labels/${vip.id}`, { cookie: outsider.cookie, body: { name: 'Ours' } }),
    ];
    expect(refused.map((answer) => answer.status)).toEqual([403, 403, 403, 404, 404, 404]);
    // The hub delivers in order: the first label frame after the refusals is the change that follows them.
    await changeLabel('PUT', vip.id);
    await waitForConversationLabels(ownerSocket, conversationId, [vip]);
    expect(labelFramesOf(ownerSocket, mark)).toEqual([
      { type: 'conversation.labels_changed', data: { conversationId, labels: [vip] } },
    ]);
  });

  test('two agents labelling at once: the last frame every socket hears is the conversation’s final labels', async () => {
    const [red, blue] = await Promise.all([createLabel('Red one', 'red'), createLabel('Blue one', 'blue')]);
    await Promise.all([changeLabel('PUT', red.id, owner.cookie), changeLabel('PUT', blue.id, agent.cookie)]);
    const final = (
      await server.request<ConversationLabels>('GET', `/v1/conversations/${conversationId}/labels`, {
        cookie: owner.cookie,
      })
    ).body.labels;
    expect(final.map((label) => label.name)).toEqual(expect.arrayContaining(['Blue one', 'Red one']));
    for (const socket of [ownerSocket, agentSocket]) {
      await waitForConversationLabels(socket, conversationId, final);
      await socket.collectFor(100);
      const last = labelFramesOf(socket)
        .filter((frame) => frame.type === 'conversation.labels_changed')
        .at(-1);
      expect(last?.data).toEqual({ conversationId, labels: final });
    }
  });

  test('another workspace’s agent heard only its own label; the visitor heard nothing of labels', async () => {
    expect(labelFramesOf(ownerSocket).length).toBeGreaterThan(5);
    expect(labelFramesOf(outsiderSocket)).toEqual([{ type: 'labels.changed', data: { labels: [theirLabel] } }]);
    expect(labelFramesOf(visitorSocket)).toEqual([]);
    expect(JSON.stringify(visitorSocket.frames)).not.toContain('label');
  });
});

// With REDIS_URL the frame reaches the other api processes as a hub notice; a second hub on the same
// Redis stands in for one of them.
const hasRedis = await isTestRedisReachable();

describe.skipIf(!hasRedis)('label frames through Redis', () => {
  const keyPrefix = freshKeyPrefix();
  let server: TestServer;
  let otherProcess: ReturnType<typeof createRedisHub>;
  afterAll(async () => {
    await server?.close();
    await otherProcess?.close();
    await dropKeys(keyPrefix);
  });
  beforeAll(async () => {
    server = await startTestServer({ redis: { url: TEST_REDIS_URL, keyPrefix } });
    otherProcess = createRedisHub({ url: TEST_REDIS_URL, keyPrefix });
    await otherProcess.ready();
  });

  test('another process hears the same frame its agents’ sockets are sent', async () => {
    const { owner, agent, conversationId } = await startWorkspace(server);
    const heard: HubNotice[] = [];
    otherProcess.subscribe(topics.workspace(owner.me.workspace.id), (notice) => heard.push(notice));
    await new Promise((resolve) => setTimeout(resolve, 100)); // the SUBSCRIBE round trip
    const socket = await server.connectAgent(agent);
    const label = (
      await server.request<Label>('POST', '/v1/labels', { cookie: owner.cookie, body: { name: 'Late', color: 'red' } })
    ).body;
    await server.request('PUT', `/v1/conversations/${conversationId}/labels/${label.id}`, { cookie: agent.cookie });

    const sent = await waitForConversationLabels(socket, conversationId, [label]);
    // Routing (the agent came online) publishes there too; only the label notices matter here.
    const labelNotices = () => heard.filter((notice) => 'frame' in notice && isLabelFrame(notice.frame));
    await eventually(() => expect(labelNotices()).toHaveLength(2));
    expect(labelNotices()).toEqual([
      { workspaceId: owner.me.workspace.id, frame: { type: 'labels.changed', data: { labels: [label] } } },
      { workspaceId: owner.me.workspace.id, frame: sent },
    ]);
  });
});
