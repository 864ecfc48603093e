import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTeam, openConversation, waitForAssigned } from '../testing/routing-helpers.ts';
import { eventually, startTestServer, type TestServer } from '../testing/test-server.ts';
import { nextFrameId } from '../testing/test-socket.ts';
import { wakeDueSnoozes } from './snooze-sweeper.ts';

// Snoozed conversations open again at their time, from the sweeper that runs on every api process.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ sweepIntervalMs: 100 });
});
afterAll(() => server.close());

async function snoozedConversation() {
  const team = await createTeam(server, ['Ada']);
  const owner = await server.connectAgent(team.agents[0]!);
  const visitor = await openConversation(server, team.inbox.siteKey);
  await waitForAssigned(visitor.socket, visitor.conversationId);
  const id = nextFrameId();
  const snoozedUntil = new Date(Date.now() + 3_600_000).toISOString();
  owner.send({
    type: 'conversation.set_status',
    id,
    data: { conversationId: visitor.conversationId, status: 'snoozed', snoozedUntil },
  });
  expect(await owner.waitForAnswer(id)).toMatchObject({ type: 'ack' });
  return { owner, visitor };
}

/** Time passes: the snooze ends a moment ago. */
async function endSnooze(conversationId: string) {
  await server.db
    .updateTable('conversations')
    .set({ snoozed_until: new Date(Date.now() - 1000) })
    .where('id', '=', conversationId)
    .execute();
}

describe('snooze sweeper', () => {
  test('a snoozed conversation opens at its time, told to the agent and the visitor by seq', async () => {
    const { owner, visitor } = await snoozedConversation();
    const { conversationId } = visitor;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(owner.events(conversationId).at(-1)?.data).toMatchObject({ seq: 4, status: 'snoozed' });

    await endSnooze(conversationId);
    await eventually(() => expect(owner.events(conversationId).at(-1)?.data.seq).toBe(5));
    expect(owner.events(conversationId).at(-1)).toMatchObject({
      type: 'conversation.status_changed',
      data: { status: 'open', snoozedUntil: null, by: null, reason: 'snooze_ended' },
    });
    await eventually(() => expect(visitor.socket.events(conversationId).at(-1)?.data.seq).toBe(5));
    const row = await server.db
      .selectFrom('conversations')
      .select(['status', 'snoozed_until'])
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'open', snoozed_until: null });
  });

  test('sweeps racing each other (several api processes) wake a conversation once', async () => {
    const { visitor } = await snoozedConversation();
    await endSnooze(visitor.conversationId);
    const passes = await Promise.all([wakeDueSnoozes(server.db), wakeDueSnoozes(server.db), wakeDueSnoozes(server.db)]);
    const wakes = passes.flat().filter((woken) => woken.id === visitor.conversationId);
    expect(wakes.length).toBeLessThanOrEqual(1);
    await eventually(async () => expect(await server.storedSeqs(visitor.conversationId)).toEqual([1, 2, 3, 4, 5]));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await server.storedSeqs(visitor.conversationId)).toEqual([1, 2, 3, 4, 5]);
  });
});
