import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { holdTransaction } from '../testing/hold-transaction.ts';
import {
  assigneeOf,
  countAssignedEvents,
  createTeam,
  decisionsOf,
  openConversation,
  queuePositions,
  sendAckedCommand,
  sendCommand,
  setInboxRouting,
  waitForAssigned,
} from '../testing/routing-helpers.ts';
import { eventually, startTestServer, type TestServer } from '../testing/test-server.ts';
import { delay } from '../testing/test-socket.ts';

// conversation.assign over a real agent socket: taking from the queue (manual mode), giving to a
// teammate, and every way it must refuse.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('conversation.assign', () => {
  test('in manual mode an agent takes a waiting conversation: assigned, logged, and the queue moves up', async () => {
    const { inbox, agents } = await createTeam(server, ['Ada', 'Bo']);
    await setInboxRouting(server, inbox.id, { routingMode: 'manual' });
    const [ada] = agents;
    const adaSocket = await server.connectAgent(ada!);
    const first = await openConversation(server, inbox.siteKey);
    const second = await openConversation(server, inbox.siteKey);
    await eventually(() => expect(queuePositions(second.socket, second.conversationId).at(-1)?.position).toBe(2));

    const result = await sendAckedCommand(adaSocket, 'conversation.assign', {
      conversationId: first.conversationId,
      assigneeId: ada!.me.user.id,
    });
    expect(result).toMatchObject({ conversation: { id: first.conversationId, assignee: { id: ada!.me.user.id } } });
    await waitForAssigned(first.socket, first.conversationId);
    expect(await assigneeOf(server, first.conversationId)).toBe(ada!.me.user.id);
    await eventually(() => expect(queuePositions(second.socket, second.conversationId).at(-1)?.position).toBe(1));
    const decisions = await decisionsOf(server, first.conversationId);
    expect(decisions.at(-1)).toMatchObject({ outcome: 'assigned', reason: 'taken by Ada' });
  });

  test('an agent gives a conversation to a teammate; assigning it to its assignee again changes nothing', async () => {
    const { inbox, agents } = await createTeam(server, ['Cy', 'Di']);
    await setInboxRouting(server, inbox.id, { routingMode: 'manual' });
    const [cy, di] = agents;
    const cySocket = await server.connectAgent(cy!);
    const visitor = await openConversation(server, inbox.siteKey);
    const data = { conversationId: visitor.conversationId, assigneeId: di!.me.user.id };

    await sendAckedCommand(cySocket, 'conversation.assign', data);
    await waitForAssigned(visitor.socket, visitor.conversationId);
    await sendAckedCommand(cySocket, 'conversation.assign', data);
    expect(await assigneeOf(server, visitor.conversationId)).toBe(di!.me.user.id);
    expect(visitor.socket.events(visitor.conversationId, 'conversation.assigned')).toHaveLength(1);
    const decisions = await decisionsOf(server, visitor.conversationId);
    expect(decisions.filter((d) => d.outcome === 'assigned').map((d) => d.reason)).toEqual(['assigned to Di by Cy']);
  });

  test('refused: another workspace’s conversation, a member of another workspace, a resolved conversation', async () => {
    const ours = await createTeam(server, ['Eve']);
    const theirs = await createTeam(server, ['Mallory']);
    await setInboxRouting(server, ours.inbox.id, { routingMode: 'manual' });
    await setInboxRouting(server, theirs.inbox.id, { routingMode: 'manual' });
    const eve = ours.agents[0]!;
    const mallory = theirs.agents[0]!;
    const eveSocket = await server.connectAgent(eve);
    const mallorySocket = await server.connectAgent(mallory);
    const visitor = await openConversation(server, ours.inbox.siteKey);

    // Mallory cannot take Eve's workspace's conversation: it looks like it does not exist.
    const foreign = await sendCommand(mallorySocket, 'conversation.assign', {
      conversationId: visitor.conversationId,
      assigneeId: mallory.me.user.id,
    });
    expect(foreign).toMatchObject({ type: 'error', data: { code: 'conversation/not_found' } });
    // Eve cannot hand it to someone outside her workspace.
    const outsider = await sendCommand(eveSocket, 'conversation.assign', {
      conversationId: visitor.conversationId,
      assigneeId: mallory.me.user.id,
    });
    expect(outsider).toMatchObject({ type: 'error', data: { code: 'member/not_found' } });
    expect(await assigneeOf(server, visitor.conversationId)).toBeNull();

    await sendAckedCommand(eveSocket, 'conversation.resolve', { conversationId: visitor.conversationId });
    const resolved = await sendCommand(eveSocket, 'conversation.assign', {
      conversationId: visitor.conversationId,
      assigneeId: eve.me.user.id,
    });
    expect(resolved).toMatchObject({ type: 'error', data: { code: 'conversation/resolved' } });
    expect(await assigneeOf(server, visitor.conversationId)).toBeNull();
  });

  test('refused: a deactivated member, with member/not_found, also when the deactivation commits while it waits', async () => {
    const { workspaceId, inbox, agents } = await createTeam(server, ['Kim', 'Lou', 'Max']);
    await setInboxRouting(server, inbox.id, { routingMode: 'manual' });
    const [kim, lou, max] = [agents[0]!, agents[1]!, agents[2]!];
    const kimSocket = await server.connectAgent(kim);
    const { conversationId } = await openConversation(server, inbox.siteKey);
    const assignTo = (assignee: typeof kim) =>
      sendCommand(kimSocket, 'conversation.assign', { conversationId, assigneeId: assignee.me.user.id });

    const deactivated = await server.request('POST', `/v1/members/${lou.me.user.id}/deactivate`, {
      cookie: kim.cookie,
    });
    expect(deactivated).toMatchObject({ status: 200, body: { userId: lou.me.user.id } });
    expect(await assignTo(lou)).toMatchObject({ type: 'error', data: { code: 'member/not_found' } });

    // Max's deactivation has not committed yet when the assignment looks for him: it waits for it.
    const deactivation = await holdTransaction(server.db, (trx) =>
      trx
        .updateTable('memberships')
        .set({ deactivated_at: new Date() })
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', max.me.user.id)
        .execute(),
    );
    let answer: ReturnType<typeof assignTo>;
    try {
      answer = assignTo(max);
      await delay(300);
    } finally {
      await deactivation.release();
    }
    expect(await answer).toMatchObject({ type: 'error', data: { code: 'member/not_found' } });
    expect(await assigneeOf(server, conversationId)).toBeNull();
    expect(await countAssignedEvents(server, conversationId)).toBe(0);
    expect((await decisionsOf(server, conversationId)).filter((d) => d.outcome === 'assigned')).toEqual([]);
  });

  test('two agents pressing Take at once: one gets it, the other is told someone was first', async () => {
    const { inbox, agents } = await createTeam(server, ['Gil', 'Hal']);
    await setInboxRouting(server, inbox.id, { routingMode: 'manual' });
    const [gil, hal] = [agents[0]!, agents[1]!];
    const [gilSocket, halSocket] = await Promise.all([server.connectAgent(gil), server.connectAgent(hal)]);
    const visitor = await openConversation(server, inbox.siteKey);
    const take = (socket: typeof gilSocket, assigneeId: string) =>
      sendCommand(socket, 'conversation.assign', {
        conversationId: visitor.conversationId,
        assigneeId,
        onlyIfUnassigned: true,
      });
    const answers = await Promise.all([take(gilSocket, gil.me.user.id), take(halSocket, hal.me.user.id)]);
    expect(answers.map((answer) => answer.type).sort()).toEqual(['ack', 'error']);
    const refused = answers.find((answer) => answer.type === 'error');
    expect(refused).toMatchObject({ data: { code: 'conversation/already_assigned' } });
    expect(visitor.socket.events(visitor.conversationId, 'conversation.assigned').length).toBeLessThanOrEqual(1);
    await waitForAssigned(visitor.socket, visitor.conversationId);
    expect(await countAssignedEvents(server, visitor.conversationId)).toBe(1);
  });

  test('a malformed assign frame is refused by the schema', async () => {
    const { agents } = await createTeam(server, ['Fay']);
    const socket = await server.connectAgent(agents[0]!);
    const answer = await sendCommand(socket, 'conversation.assign', { conversationId: 'nope', assigneeId: 42 });
    expect(answer).toMatchObject({ type: 'error', data: { code: 'frame/invalid' } });
  });
});
