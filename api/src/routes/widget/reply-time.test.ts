import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Inbox, WidgetConfig } from '../../protocol/rest.ts';
import { SITE_ORIGIN, startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';
import { bucketReplyTime, computeReplyTime, MIN_ANSWERED } from './reply-time.ts';

let server: TestServer;
let agent: TestAgent;
const MINUTE = 60_000;

beforeAll(async () => {
  server = await startTestServer();
  agent = await server.signUp(undefined, { workspaceName: 'Reply Time Co' });
});
afterAll(() => server.close());

async function newInbox(name: string): Promise<Inbox> {
  const response = await server.request<Inbox>('POST', '/v1/inboxes', { cookie: agent.cookie, body: { name } });
  expect(response.status).toBe(201);
  return response.body;
}

/** A conversation whose visitor asked `daysAgo` days ago and got the first agent reply `waitMinutes` later (null: none). */
async function seedConversation(inbox: Inbox, daysAgo: number, waitMinutes: number | null): Promise<void> {
  const { db } = server;
  const row = await db
    .selectFrom('inboxes')
    .select('workspace_id')
    .where('id', '=', inbox.id)
    .executeTakeFirstOrThrow();
  const asked = new Date(Date.now() - daysAgo * 24 * 60 * MINUTE);
  const visitor = await db
    .insertInto('visitors')
    .values({
      workspace_id: row.workspace_id,
      inbox_id: inbox.id,
      external_id: null,
      name: null,
      email: null,
      language: null,
      page_url: null,
      page_title: null,
      user_agent: null,
      time_zone: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const conversation = await db
    .insertInto('conversations')
    .values({
      workspace_id: row.workspace_id,
      inbox_id: inbox.id,
      visitor_id: visitor.id,
      assignee_id: null,
      last_message_at: asked,
      snoozed_until: null,
      team_id: null,
      queued_at: null,
      assigned_at: null,
      created_at: asked,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const messages: { seq: number; sender_type: 'visitor' | 'agent'; created_at: Date }[] = [
    { seq: 1, sender_type: 'visitor', created_at: asked },
    { seq: 2, sender_type: 'visitor', created_at: new Date(asked.getTime() + MINUTE / 2) },
  ];
  if (waitMinutes !== null) {
    // A note before the reply is no answer to the visitor.
    messages.push({ seq: 3, sender_type: 'agent', created_at: new Date(asked.getTime() + MINUTE / 4) });
    messages.push({ seq: 4, sender_type: 'agent', created_at: new Date(asked.getTime() + waitMinutes * MINUTE) });
  }
  await db
    .insertInto('messages')
    .values(
      messages.map((message) => ({
        ...message,
        conversation_id: conversation.id,
        sender_id: null,
        client_id: null,
        body: `message ${message.seq}`,
        kind: message.seq === 3 ? ('note' as const) : ('reply' as const),
      })),
    )
    .execute();
}

function configOf(inbox: Inbox) {
  return server.request<WidgetConfig>('GET', `/v1/widget/inboxes/${inbox.siteKey}/config`, { origin: SITE_ORIGIN });
}

describe('bucketReplyTime', () => {
  test('puts a median into a few minutes, a few hours or a day', () => {
    expect(bucketReplyTime(30)).toBe('minutes');
    expect(bucketReplyTime(59 * 60)).toBe('minutes');
    expect(bucketReplyTime(60 * 60)).toBe('hours');
    expect(bucketReplyTime(23 * 3600)).toBe('hours');
    expect(bucketReplyTime(24 * 3600)).toBe('day');
  });
});

describe('computeReplyTime', () => {
  test('is null with too few answered conversations, then the median first response of the last 30 days', async () => {
    const inbox = await newInbox('Median');
    for (let i = 0; i < MIN_ANSWERED - 1; i++) await seedConversation(inbox, 2, 5);
    // Unanswered and older ones count for nothing.
    await seedConversation(inbox, 3, null);
    await seedConversation(inbox, 40, 3 * 60);
    await seedConversation(inbox, 45, 3 * 60);
    expect(await computeReplyTime(server.db, inbox.id)).toBeNull();

    await seedConversation(inbox, 1, 3 * 60);
    // Four of 5 minutes and one of 3 hours: the median is 5 minutes (a mean would say about 40).
    expect(await computeReplyTime(server.db, inbox.id)).toBe('minutes');
    await seedConversation(inbox, 1, 3 * 60);
    await seedConversation(inbox, 1, 5 * 60);
    await seedConversation(inbox, 1, 2 * 60);
    await seedConversation(inbox, 1, 2 * 60);
    expect(await computeReplyTime(server.db, inbox.id)).toBe('hours');
  });
});

describe('config replyTime', () => {
  test('is the inbox setting when there is one, computed when it is auto (null), and saved through PATCH', async () => {
    const inbox = await newInbox('Setting');
    expect((await configOf(inbox)).body.replyTime).toBeNull();

    const saved = await server.request('PATCH', `/v1/inboxes/${inbox.id}`, {
      cookie: agent.cookie,
      body: { appearance: { ...inbox.appearance, replyTime: 'day' } },
    });
    expect(saved.status).toBe(200);
    const config = await configOf(inbox);
    expect(config.body.replyTime).toBe('day');
    expect(config.body.appearance.replyTime).toBe('day');

    const refused = await server.request('PATCH', `/v1/inboxes/${inbox.id}`, {
      cookie: agent.cookie,
      body: { appearance: { replyTime: 'weeks' } },
    });
    expect(refused.status).toBe(400);
  });
});
