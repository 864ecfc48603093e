import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Message } from '../protocol/entities.ts';
import type { ServerFrame } from '../protocol/frames.ts';
import type { MentionList, ParticipantList } from '../protocol/note-rest.ts';
import type { ConversationDetail, Inbox, WidgetSession } from '../protocol/rest.ts';
import { findUnansweredAssignments } from '../routing/find-unanswered.ts';
import { SITE_ORIGIN, startTestServer, type TestAgent, type TestServer } from '../testing/test-server.ts';
import { type AckFrame, type ErrorFrame, newClientId, nextFrameId, type TestSocket } from '../testing/test-socket.ts';

let server: TestServer;
let ada: TestAgent;
let bob: TestAgent;
/** Another workspace, whose member has the same name as Bob. */
let stranger: TestAgent;
let inbox: Inbox;
beforeAll(async () => {
  server = await startTestServer();
  ada = await server.signUp(undefined, { name: 'Ada Lovelace' });
  bob = await server.signUp(undefined, { name: 'Bob Stone' });
  stranger = await server.signUp(undefined, { name: 'Carol Finch' });
  await server.moveAgentToWorkspace(bob.me.user.id, ada.me.workspace.id);
  inbox = await server.inboxOf(ada.cookie);
});
afterAll(() => server.close());

async function send(socket: TestSocket, data: Record<string, unknown>): Promise<AckFrame | ErrorFrame> {
  const id = nextFrameId();
  socket.send({ type: 'message.send', id, data: { clientId: newClientId(), ...data } });
  return socket.waitForAnswer(id);
}

async function sendNote(socket: TestSocket, conversationId: string, body: string): Promise<Message> {
  const answer = await send(socket, { conversationId, body, kind: 'note' });
  if (answer.type !== 'ack') throw new Error(`expected an ack, got ${JSON.stringify(answer)}`);
  return (answer.data as { message: Message }).message;
}

async function newConversation(): Promise<{ conversationId: string; visitor: TestSocket; session: WidgetSession }> {
  const { socket, session } = await server.connectVisitor(inbox.siteKey);
  const message = await socket.sendAcked({ body: 'hello?' });
  return { conversationId: message.conversationId, visitor: socket, session };
}

const mentionsOf = (agent: TestAgent) => server.request<MentionList>('GET', '/v1/mentions', { cookie: agent.cookie });
const leaks = (frames: readonly unknown[], secret: string) => JSON.stringify(frames).includes(secret);

describe('notes never reach the visitor', () => {
  test('live: the visitor gets conversation.seq_skipped in its place, then the next reply in order', async () => {
    const { conversationId, visitor } = await newConversation();
    const agentSocket = await server.connectAgent(ada);
    const secret = `secret-${newClientId()}`;

    const note = await sendNote(agentSocket, conversationId, `refund them, ${secret}`);
    expect(note.kind).toBe('note');
    const reply = await agentSocket.sendAcked({ conversationId, body: 'Sorted!' });
    expect(reply.seq).toBeGreaterThan(note.seq);

    await visitor.waitFor((frame) => frame.type === 'message.created' && frame.data.seq === reply.seq);
    const skipped = visitor.events(conversationId, 'conversation.seq_skipped');
    expect(skipped.map((event) => event.data.seq)).toEqual([note.seq]);
    expect(visitor.frames.some((frame) => frame.type === 'conversation.resync_required')).toBe(false);
    // Every seq up to the reply, each once: the visitor's copy has no gap to fill.
    const seqs = visitor.events(conversationId).map((event) => event.data.seq);
    expect(seqs).toEqual(Array.from({ length: reply.seq }, (_, index) => index + 1));
    expect(leaks(visitor.frames, secret)).toBe(false);
    // The agent's own stream has the note itself.
    const agentEvent = await agentSocket.waitFor(
      (frame) => frame.type === 'message.created' && frame.data.seq === note.seq,
    );
    expect(leaks([agentEvent], secret)).toBe(true);
  });

  test('resume: a visitor that reconnects after the note gets the skip, never the body', async () => {
    const { conversationId, visitor, session } = await newConversation();
    const lastSeq = Math.max(...visitor.events(conversationId).map((event) => event.data.seq));
    visitor.close();
    const agentSocket = await server.connectAgent(ada);
    const secret = `secret-${newClientId()}`;
    const note = await sendNote(agentSocket, conversationId, secret);
    const reply = await agentSocket.sendAcked({ conversationId, body: 'Back with you' });

    const again = await server.openVisitorSocket(session.token);
    const { before } = await again.hello([{ conversationId, lastSeq }]);
    const seqs = before.flatMap((frame) => ('data' in frame && 'seq' in frame.data ? [frame.data.seq] : []));
    expect(seqs).toContain(note.seq);
    expect(seqs).toContain(reply.seq);
    expect(before.find((frame) => 'data' in frame && 'seq' in frame.data && frame.data.seq === note.seq)?.type).toBe(
      'conversation.seq_skipped',
    );
    expect(leaks(again.frames, secret)).toBe(false);
  });

  test('REST: widget history, widget session and previews hide the note; the console gets it', async () => {
    const { conversationId, session } = await newConversation();
    const agentSocket = await server.connectAgent(ada);
    const secret = `secret-${newClientId()}`;
    const note = await sendNote(agentSocket, conversationId, secret);

    const history = await server.request<ConversationDetail>('GET', `/v1/widget/conversations/${conversationId}`, {
      origin: SITE_ORIGIN,
      token: session.token,
    });
    expect(history.status).toBe(200);
    expect(history.body.events.find((event) => event.data.seq === note.seq)?.type).toBe('conversation.seq_skipped');
    expect(history.body.conversation.lastMessage?.body).toBe('hello?');
    expect(leaks([history.body], secret)).toBe(false);

    const resumed = await server.startVisitor(inbox.siteKey, SITE_ORIGIN, session.token);
    expect(resumed.conversation?.id).toBe(conversationId);
    expect(leaks([resumed], secret)).toBe(false);

    const list = await server.request('GET', '/v1/widget/conversations', { origin: SITE_ORIGIN, token: session.token });
    expect(list.status).toBe(200);
    expect(leaks([list.body], secret)).toBe(false);
    const transcript = await server.request<string>('GET', `/v1/widget/conversations/${conversationId}/transcript`, {
      origin: SITE_ORIGIN,
      token: session.token,
    });
    expect(transcript.status).toBe(200);
    expect(String(transcript.body)).toContain('hello?');
    expect(String(transcript.body)).not.toContain(secret);

    const console = await server.request<ConversationDetail>('GET', `/v1/conversations/${conversationId}`, {
      cookie: ada.cookie,
    });
    const stored = console.body.events.find((event) => event.data.seq === note.seq);
    expect(stored?.type === 'message.created' && stored.data.message).toMatchObject({ kind: 'note', body: secret });
    expect(console.body.conversation.lastMessage?.body).toBe('hello?');
  });

  test('a visitor cannot write a note: message/note_not_allowed, nothing stored', async () => {
    const { conversationId, visitor } = await newConversation();
    const before = await server.countMessages(conversationId);
    const answer = await send(visitor, { conversationId, body: 'I am an agent, trust me', kind: 'note' });
    expect(answer).toMatchObject({ type: 'error', data: { code: 'message/note_not_allowed' } });
    expect(await server.countMessages(conversationId)).toBe(before);
  });

  test('a note is checked like a message: empty, unknown kind, another workspace', async () => {
    const { conversationId } = await newConversation();
    const agentSocket = await server.connectAgent(ada);
    expect(await send(agentSocket, { conversationId, body: '  ', kind: 'note' })).toMatchObject({
      data: { code: 'message/empty' },
    });
    expect(await send(agentSocket, { conversationId, body: 'x', kind: 'whisper' })).toMatchObject({
      data: { code: 'frame/invalid' },
    });
    const outsider = await server.connectAgent(stranger);
    expect(await send(outsider, { conversationId, body: 'peek', kind: 'note' })).toMatchObject({
      data: { code: 'conversation/not_found' },
    });
  });
});

describe('a note is not an answer', () => {
  test('it neither assigns nor reopens, nor moves last_message_at, nor stops the unanswered check', async () => {
    const { conversationId } = await newConversation();
    const agentSocket = await server.connectAgent(ada);
    await server.db
      .updateTable('conversations')
      .set({ assignee_id: ada.me.user.id, assigned_at: sql<Date>`now() - interval '60 seconds'` })
      .where('id', '=', conversationId)
      .execute();
    await server.db.updateTable('inboxes').set({ reassign_after_seconds: 30 }).where('id', '=', inbox.id).execute();
    const before = await server.db
      .selectFrom('conversations')
      .select('last_message_at')
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();

    await sendNote(agentSocket, conversationId, 'checking with billing first');
    const unanswered = async () => (await findUnansweredAssignments(server.db)).map((row) => row.id);
    expect(await unanswered()).toContain(conversationId);
    const after = await server.db
      .selectFrom('conversations')
      .select('last_message_at')
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(after.last_message_at).toEqual(before.last_message_at);

    await agentSocket.sendAcked({ conversationId, body: 'Here is your answer' });
    expect(await unanswered()).not.toContain(conversationId);
    await server.db.updateTable('inboxes').set({ reassign_after_seconds: null }).where('id', '=', inbox.id).execute();

    await server.db
      .updateTable('conversations')
      .set({ status: 'resolved', assignee_id: null })
      .where('id', '=', conversationId)
      .execute();
    await sendNote(agentSocket, conversationId, 'for the record');
    const row = await server.db
      .selectFrom('conversations')
      .select(['status', 'assignee_id'])
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'resolved', assignee_id: null });
  });
});

describe('mentions', () => {
  test('@Name of a member notifies them live and lists unread first; names from elsewhere notify nobody', async () => {
    const { conversationId } = await newConversation();
    const adaSocket = await server.connectAgent(ada);
    const bobSocket = await server.connectAgent(bob);
    const strangerSocket = await server.connectAgent(stranger);

    const note = await sendNote(adaSocket, conversationId, '@bob stone can you check? cc @Carol Finch @Ada Lovelace');
    const frame = await bobSocket.waitForType('mention.created');
    expect(frame.data.mention).toMatchObject({ conversationId, messageId: note.id, seq: note.seq });
    expect(frame.data.mention.author).toEqual({ id: ada.me.user.id, name: 'Ada Lovelace' });
    expect(frame.data.unreadCount).toBeGreaterThanOrEqual(1);

    const stored = await server.db.selectFrom('mentions').select('user_id').where('message_id', '=', note.id).execute();
    expect(stored.map((row) => row.user_id)).toEqual([bob.me.user.id]);
    const heard = (frames: ServerFrame[]) => frames.some((f) => f.type === 'mention.created');
    expect(heard(await strangerSocket.collectFor(100))).toBe(false);
    expect(heard(adaSocket.frames)).toBe(false);

    const list = await mentionsOf(bob);
    expect(list.status).toBe(200);
    expect(list.body.mentions[0]).toMatchObject({ id: frame.data.mention.id, readAt: null });
    expect((await mentionsOf(stranger)).body).toEqual({ mentions: [], unreadCount: 0 });
  });

  test("marking read: only one's own; unread first; the other devices hear the count", async () => {
    const { conversationId } = await newConversation();
    const adaSocket = await server.connectAgent(ada);
    await sendNote(adaSocket, conversationId, 'first @Bob Stone');
    await sendNote(adaSocket, conversationId, 'second @Bob Stone');
    const list = (await mentionsOf(bob)).body;
    const [newest, older] = list.mentions;
    expect(newest?.excerpt).toBe('second @Bob Stone');

    const byAda = await server.request('POST', '/v1/mentions/read', { cookie: ada.cookie, body: { ids: [older!.id] } });
    expect(byAda.status).toBe(200);
    const byStranger = await server.request('POST', '/v1/mentions/read', {
      cookie: stranger.cookie,
      body: { ids: [older!.id] },
    });
    expect(byStranger.status).toBe(200);
    expect((await mentionsOf(bob)).body.unreadCount).toBe(list.unreadCount);

    const bobTab = await server.connectAgent(bob);
    const read = await server.request<{ unreadCount: number }>('POST', '/v1/mentions/read', {
      cookie: bob.cookie,
      body: { ids: [older!.id] },
    });
    expect(read.body.unreadCount).toBe(list.unreadCount - 1);
    expect((await bobTab.waitForType('mentions.read')).data.unreadCount).toBe(list.unreadCount - 1);
    const after = (await mentionsOf(bob)).body.mentions;
    expect(after.findIndex((m) => m.id === older!.id)).toBeGreaterThan(after.findIndex((m) => m.id === newest!.id));

    expect(
      (await server.request('POST', '/v1/mentions/read', { cookie: bob.cookie, body: { ids: ['nope'] } })).status,
    ).toBe(400);
    expect((await server.request('GET', '/v1/mentions', {})).status).toBe(401);
  });
});

describe('participants', () => {
  test('writing a reply or a note, or joining, makes an agent a participant; another workspace gets 404', async () => {
    const { conversationId } = await newConversation();
    const adaSocket = await server.connectAgent(ada);
    const path = `/v1/conversations/${conversationId}/participants`;
    await adaSocket.sendAcked({ conversationId, body: 'Hi there' });
    const changed = await adaSocket.waitFor(
      (frame) => frame.type === 'conversation.participants_changed' && frame.data.conversationId === conversationId,
    );
    expect(changed.type === 'conversation.participants_changed' && changed.data.participants.map((p) => p.id)).toEqual([
      ada.me.user.id,
    ]);

    const joined = await server.request<ParticipantList>('POST', path, { cookie: bob.cookie });
    expect(joined.status).toBe(200);
    expect(joined.body.participants.map((p) => p.name)).toEqual(['Ada Lovelace', 'Bob Stone']);
    const again = await server.request<ParticipantList>('POST', path, { cookie: bob.cookie });
    expect(again.body.participants).toHaveLength(2);

    expect((await server.request('GET', path, { cookie: stranger.cookie })).status).toBe(404);
    expect((await server.request('POST', path, { cookie: stranger.cookie })).status).toBe(404);
    const list = await server.request<ParticipantList>('GET', path, { cookie: ada.cookie });
    expect(list.body.participants.map((p) => p.id)).toEqual([ada.me.user.id, bob.me.user.id]);
  });

  test('a reply records its author as a participant by the time it is acked, and only a first reply announces it', async () => {
    const { conversationId } = await newConversation();
    const adaSocket = await server.connectAgent(ada);
    const bobSocket = await server.connectAgent(bob);
    const participantsOf = async () =>
      (
        await server.db
          .selectFrom('conversation_participants')
          .select('user_id')
          .where('conversation_id', '=', conversationId)
          .orderBy('joined_at')
          .execute()
      ).map((row) => row.user_id);
    const announcements = () =>
      adaSocket.frames.filter(
        (frame) => frame.type === 'conversation.participants_changed' && frame.data.conversationId === conversationId,
      ).length;

    // Ada has it open, as the console has when its agent replies: she hears Bob join.
    await adaSocket.follow(conversationId);
    await adaSocket.sendAcked({ conversationId, body: 'first' });
    expect(await participantsOf()).toEqual([ada.me.user.id]);
    await bobSocket.sendAcked({ conversationId, body: 'second opinion' });
    expect(await participantsOf()).toEqual([ada.me.user.id, bob.me.user.id]);
    await adaSocket.waitFor(
      (frame) =>
        frame.type === 'conversation.participants_changed' &&
        frame.data.conversationId === conversationId &&
        frame.data.participants.length === 2,
    );
    await adaSocket.sendAcked({ conversationId, body: 'again' });
    await bobSocket.sendAcked({ conversationId, body: 'and again' });
    // A later announcement would be published by now: the list read below is queued behind it.
    await server.request('GET', `/v1/conversations/${conversationId}/participants`, { cookie: ada.cookie });
    expect(await participantsOf()).toEqual([ada.me.user.id, bob.me.user.id]);
    expect(announcements()).toBe(2);
  });

  test("a participant's new socket follows the conversation event by event without opening it", async () => {
    const { conversationId, visitor } = await newConversation();
    await server.request('POST', `/v1/conversations/${conversationId}/participants`, { cookie: bob.cookie });
    const bobSocket = await server.connectAgent(bob);
    const message = await visitor.sendAcked({ conversationId, body: 'anyone?' });
    const event = await bobSocket.waitFor(
      (frame) => frame.type === 'message.created' && frame.data.seq === message.seq,
    );
    expect(event.type).toBe('message.created');
  });
});
