import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../app.ts';
import { resolveConversation } from '../../commands/resolve-conversation.ts';
import type { ConversationRating, WidgetConversationList } from '../../protocol/csat-rest.ts';
import type { MessageSendResult } from '../../protocol/frames.ts';
import type { Inbox } from '../../protocol/rest.ts';
import { type SmtpSink, startSmtpSink } from '../../services/members/smtp-sink.ts';
import {
  FOREIGN_ORIGIN,
  SITE_ORIGIN,
  startTestServer,
  type TestAgent,
  type TestServer,
} from '../../testing/test-server.ts';

// The visitor's own conversations, their CSAT rating and transcript: real server, real sockets, real database.

let server: TestServer;
let agent: TestAgent;
let inbox: Inbox;
let otherAgent: TestAgent;
let otherInbox: Inbox;
beforeAll(async () => {
  server = await startTestServer();
  agent = await server.signUp(undefined, { name: 'Ana <Agent>', workspaceName: 'Bikes & Co' });
  inbox = await server.inboxOf(agent.cookie);
  otherAgent = await server.signUp(undefined, { workspaceName: 'Elsewhere' });
  otherInbox = await server.inboxOf(otherAgent.cookie);
});
afterAll(() => server.close());

/** A visitor with one conversation holding a visitor message and an agent reply, resolved unless told. */
async function conversationOf(siteKey = inbox.siteKey, owner = agent, options: { resolve?: boolean } = {}) {
  const { session, socket } = await server.connectVisitor(siteKey);
  const sent = await socket.sendMessage({ body: 'My bike has <b>a flat</b>\nsecond line' });
  if (sent.type !== 'ack') throw new Error(`send failed: ${JSON.stringify(sent)}`);
  const conversationId = (sent.data as MessageSendResult).message.conversationId;
  const agentSocket = await server.connectAgent(owner);
  const reply = await agentSocket.sendMessage({ body: 'Pump it up & ride', conversationId });
  if (reply.type !== 'ack') throw new Error(`reply failed: ${JSON.stringify(reply)}`);
  // An internal note: never part of what the visitor gets.
  agentSocket.send({
    type: 'message.send',
    id: 'note-1',
    data: { clientId: crypto.randomUUID(), body: 'Internal: VIP customer', conversationId, kind: 'note' },
  });
  const note = await agentSocket.waitForAnswer('note-1');
  if (note.type !== 'ack') throw new Error(`note failed: ${JSON.stringify(note)}`);
  agentSocket.close();
  if (options.resolve !== false) {
    await resolveConversation(
      server.db,
      { userId: owner.me.user.id, workspaceId: owner.me.workspace.id },
      conversationId,
    );
  }
  return { session, socket, conversationId };
}

function rate(token: string, conversationId: string, body: unknown, origin: string = SITE_ORIGIN) {
  return server.request<ConversationRating>('POST', `/v1/widget/conversations/${conversationId}/rating`, {
    origin,
    token,
    body,
  });
}

describe('rating', () => {
  test('the visitor rates their resolved conversation; the agent and the visitor hear conversation.rated with the next seq', async () => {
    const { session, socket, conversationId } = await conversationOf();
    const agentSocket = await server.connectAgent(agent);
    agentSocket.send({ type: 'conversation.follow', id: 'follow-1', data: { conversationId } });
    await agentSocket.waitForAnswer('follow-1');
    const lastSeq = (await server.storedSeqs(conversationId)).at(-1)!;

    const response = await rate(session.token, conversationId, { rating: 4, comment: '  Quick and kind  ' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ conversationId, rating: 4, comment: 'Quick and kind' });

    const heard = await socket.waitForType('conversation.rated');
    expect(heard.data).toMatchObject({ conversationId, seq: lastSeq + 1, rating: 4, comment: 'Quick and kind' });
    const agentHeard = await agentSocket.waitForType('conversation.rated');
    expect(agentHeard.data).toMatchObject({ seq: lastSeq + 1, rating: 4 });
    expect(await server.storedSeqs(conversationId)).toEqual(Array.from({ length: lastSeq + 1 }, (_, i) => i + 1));

    // The agents' summary (list row) carries it too.
    const detail = await server.request<{ conversation: { rating?: number } }>(
      'GET',
      `/v1/conversations/${conversationId}`,
      { cookie: agent.cookie },
    );
    expect(detail.body.conversation.rating).toBe(4);
  });

  test('a second rating within 24 h replaces the first; after 24 h it is refused with csat/change_window_closed', async () => {
    const { session, conversationId } = await conversationOf();
    expect((await rate(session.token, conversationId, { rating: 2 })).status).toBe(200);
    const again = await rate(session.token, conversationId, { rating: 5, comment: 'Solved after all' });
    expect(again.status).toBe(200);
    const stored = await server.db
      .selectFrom('conversation_ratings')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ rating: 5, comment: 'Solved after all' });

    await server.db
      .updateTable('conversation_ratings')
      .set({ created_at: sql<Date>`now() - interval '25 hours'` } as never)
      .where('conversation_id', '=', conversationId)
      .execute();
    const late = await rate(session.token, conversationId, { rating: 1 });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'csat/change_window_closed' });
    const after = await server.db
      .selectFrom('conversation_ratings')
      .select('rating')
      .where('conversation_id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(after.rating).toBe(5);
  });

  test('an open conversation cannot be rated yet: csat/not_resolved, nothing stored', async () => {
    const { session, conversationId } = await conversationOf(inbox.siteKey, agent, { resolve: false });
    const response = await rate(session.token, conversationId, { rating: 5 });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'csat/not_resolved' });
    expect(await countRatings(conversationId)).toBe(0);
  });

  test('schema errors: rating outside 1–5, not an integer, a comment over 1,000 characters, unknown fields', async () => {
    const { session, conversationId } = await conversationOf();
    for (const body of [
      { rating: 0 },
      { rating: 6 },
      { rating: 3.5 },
      { rating: '4' },
      {},
      { rating: 4, comment: 'x'.repeat(1001) },
      { rating: 4, extra: true },
    ]) {
      const response = await rate(session.token, conversationId, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toMatchObject({ code: 'request/invalid' });
    }
    expect((await rate(session.token, conversationId, { rating: 4, comment: 'x'.repeat(1000) })).status).toBe(200);
  });

  test('another visitor, another workspace’s visitor, no token, a foreign origin: refused and nothing stored', async () => {
    const { conversationId } = await conversationOf();
    const sameInbox = await server.startVisitor(inbox.siteKey);
    const otherWorkspace = await server.startVisitor(otherInbox.siteKey);
    for (const token of [sameInbox.token, otherWorkspace.token]) {
      const response = await rate(token, conversationId, { rating: 1 });
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'conversation/not_found' });
    }
    const anonymous = await server.request('POST', `/v1/widget/conversations/${conversationId}/rating`, {
      origin: SITE_ORIGIN,
      body: { rating: 1 },
    });
    expect(anonymous.status).toBe(401);
    const { session, conversationId: own } = await conversationOf();
    const foreign = await rate(session.token, own, { rating: 1 }, FOREIGN_ORIGIN);
    expect(foreign.status).toBe(403);
    expect(await countRatings(conversationId)).toBe(0);
    expect(await countRatings(own)).toBe(0);
  });
});

describe('previous conversations', () => {
  test('lists the visitor’s own conversations newest first with status, last message and rating; a new message after a resolve opens a new one', async () => {
    const { session, socket, conversationId } = await conversationOf();
    await rate(session.token, conversationId, { rating: 3 });
    const next = await socket.sendMessage({ body: 'One more question' });
    if (next.type !== 'ack') throw new Error('send failed');
    const nextId = (next.data as MessageSendResult).message.conversationId;
    expect(nextId).not.toBe(conversationId);

    const response = await server.request<WidgetConversationList>('GET', '/v1/widget/conversations', {
      origin: SITE_ORIGIN,
      token: session.token,
    });
    expect(response.status).toBe(200);
    expect(response.body.canEmailTranscript).toBe(false);
    expect(response.body.conversations).toEqual([
      expect.objectContaining({
        id: nextId,
        status: 'open',
        rating: null,
        lastMessage: expect.objectContaining({ body: 'One more question', senderType: 'visitor' }),
      }),
      expect.objectContaining({
        id: conversationId,
        status: 'resolved',
        rating: 3,
        lastMessage: expect.objectContaining({ body: 'Pump it up & ride', senderType: 'agent' }),
      }),
    ]);

    // The history of one of them: the visitor's own only.
    const detail = await server.request('GET', `/v1/widget/conversations/${conversationId}`, {
      origin: SITE_ORIGIN,
      token: session.token,
    });
    expect(detail.status).toBe(200);
    const stranger = await server.startVisitor(inbox.siteKey);
    const foreign = await server.request('GET', `/v1/widget/conversations/${conversationId}`, {
      origin: SITE_ORIGIN,
      token: stranger.token,
    });
    expect(foreign.status).toBe(404);
  });

  test('another visitor (same inbox or another workspace) sees none of them; no token gets 401', async () => {
    await conversationOf();
    for (const siteKey of [inbox.siteKey, otherInbox.siteKey]) {
      const stranger = await server.startVisitor(siteKey);
      const response = await server.request<WidgetConversationList>('GET', '/v1/widget/conversations', {
        origin: SITE_ORIGIN,
        token: stranger.token,
      });
      expect(response.status).toBe(200);
      expect(response.body.conversations).toEqual([]);
    }
    const anonymous = await server.request('GET', '/v1/widget/conversations', { origin: SITE_ORIGIN });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ code: 'auth/required' });
  });
});

describe('transcript', () => {
  test('downloads as a plain-text attachment: visitor and agent messages with names and times, nothing internal', async () => {
    const { session, conversationId } = await conversationOf();
    const response = await server.request<string>('GET', `/v1/widget/conversations/${conversationId}/transcript`, {
      origin: SITE_ORIGIN,
      token: session.token,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="parley-transcript-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.txt"$/,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const text = response.body;
    expect(text).toContain(`Conversation with ${inbox.name}`);
    expect(text).toMatch(/\[\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\] You:\n {2}My bike has <b>a flat<\/b>\n {2}second line/);
    expect(text).toMatch(/\[\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\] Ana <Agent>:\n {2}Pump it up & ride/);
    expect(text.indexOf('You:')).toBeLessThan(text.indexOf('Ana <Agent>:'));
    // Assignment, resolve and other events are not part of it.
    expect(text).not.toMatch(/assigned|resolved/i);
    expect(text).not.toContain('Internal: VIP customer');
  });

  test('another visitor or workspace gets 404 and no transcript', async () => {
    const { conversationId } = await conversationOf();
    for (const siteKey of [inbox.siteKey, otherInbox.siteKey]) {
      const stranger = await server.startVisitor(siteKey);
      const response = await server.request('GET', `/v1/widget/conversations/${conversationId}/transcript`, {
        origin: SITE_ORIGIN,
        token: stranger.token,
      });
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'conversation/not_found' });
    }
  });

  test('email without SMTP configured: transcript/email_unavailable', async () => {
    const { session, conversationId } = await conversationOf();
    const response = await server.request('POST', `/v1/widget/conversations/${conversationId}/transcript/email`, {
      origin: SITE_ORIGIN,
      token: session.token,
    });
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ code: 'transcript/email_unavailable' });
  });

  describe('by email, with SMTP_URL set', () => {
    let sink: SmtpSink;
    let mailingApp: FastifyInstance;
    beforeAll(async () => {
      sink = await startSmtpSink();
      const config = { ...server.config, smtpUrl: sink.url, smtpFrom: 'Parley <no-reply@support.example.test>' };
      mailingApp = await buildApp({ config, db: server.db, logger: false });
    });
    afterAll(async () => {
      await mailingApp.close();
      await sink.close();
    });

    function emailTranscript(token: string, conversationId: string) {
      return mailingApp.inject({
        method: 'POST',
        url: `/v1/widget/conversations/${conversationId}/transcript/email`,
        headers: { origin: SITE_ORIGIN, authorization: `Bearer ${token}`, 'x-forwarded-for': '198.51.100.20' },
      });
    }

    test('goes to the email the visitor gave, as plain text', async () => {
      const { session, conversationId } = await conversationOf();
      const before = await emailTranscript(session.token, conversationId);
      expect(before.statusCode).toBe(409);
      expect(before.json()).toMatchObject({ code: 'transcript/no_email' });

      const saved = await server.request('POST', '/v1/widget/visitor/contact', {
        origin: SITE_ORIGIN,
        token: session.token,
        body: { email: 'rider@example.test' },
      });
      expect(saved.status).toBe(204);
      const response = await emailTranscript(session.token, conversationId);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ sentTo: 'rider@example.test' });
      expect(sink.messages).toHaveLength(1);
      const message = sink.messages[0]!.replace(/=\r\n/g, '');
      expect(message).toMatch(/^To: rider@example\.test$/m);
      expect(message).toMatch(/^From: Parley <no-reply@support\.example\.test>$/m);
      expect(message).toMatch(/^Subject: Your conversation with /m);
      expect(message).toMatch(/Content-Type: text\/plain/);
      expect(message).toContain('Pump it up & ride');
      expect(message).not.toMatch(/Content-Type: text\/html/);
      expect(message).not.toContain('Internal: VIP customer');
    });

    test('the list says email is available; a stranger cannot email someone else’s transcript', async () => {
      const { session, conversationId } = await conversationOf();
      const list = await mailingApp.inject({
        method: 'GET',
        url: '/v1/widget/conversations',
        headers: { origin: SITE_ORIGIN, authorization: `Bearer ${session.token}`, 'x-forwarded-for': '198.51.100.21' },
      });
      expect(list.json<WidgetConversationList>().canEmailTranscript).toBe(true);
      const sent = sink.messages.length;
      const stranger = await server.startVisitor(otherInbox.siteKey);
      const response = await emailTranscript(stranger.token, conversationId);
      expect(response.statusCode).toBe(404);
      expect(sink.messages).toHaveLength(sent);
    });
  });
});

async function countRatings(conversationId: string) {
  const rows = await server.db
    .selectFrom('conversation_ratings')
    .select('rating')
    .where('conversation_id', '=', conversationId)
    .execute();
  return rows.length;
}
