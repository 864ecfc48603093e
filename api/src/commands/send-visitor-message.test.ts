import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Inbox } from '../protocol/rest.ts';
import { holdTransaction } from '../testing/hold-transaction.ts';
import { startTestServer, type TestAgent, type TestServer } from '../testing/test-server.ts';
import { delay, type MessageAck, newClientId } from '../testing/test-socket.ts';

let server: TestServer;
let agent: TestAgent;
let inbox: Inbox;
beforeAll(async () => {
  server = await startTestServer();
  agent = await server.signUp();
  inbox = await server.inboxOf(agent.cookie);
});
afterAll(() => server.close());

const countByClientId = async (clientId: string) =>
  Number(
    (
      await server.db
        .selectFrom('messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('client_id', '=', clientId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('idempotency by clientId', () => {
  test('the same clientId sent twice in a row → one stored message; both acks carry the same message; one message.created', async () => {
    const agentSocket = await server.connectAgent(agent);
    const { socket } = await server.connectVisitor(inbox.siteKey);
    const clientId = newClientId();

    const first = (await socket.sendMessage({ clientId, body: 'are you there?' })) as MessageAck;
    const second = (await socket.sendMessage({ clientId, body: 'are you there?' })) as MessageAck;

    expect(first.type).toBe('ack');
    expect(second.type).toBe('ack');
    expect(second.data.message).toEqual(first.data.message);
    expect(first.data.message.clientId).toBe(clientId);
    expect(await countByClientId(clientId)).toBe(1);

    await agentSocket.waitFor(
      (frame) => frame.type === 'message.created' && frame.data.message.id === first.data.message.id,
    );
    await socket.collectFor(150);
    const created = (frames: typeof socket.frames) =>
      frames.filter((frame) => frame.type === 'message.created' && frame.data.message.clientId === clientId);
    expect(created(socket.frames)).toHaveLength(1);
    expect(created(agentSocket.frames)).toHaveLength(1);
  });

  test('the same clientId sent concurrently from two sockets of the same visitor → one message, one conversation', async () => {
    const visitor = await server.startVisitor(inbox.siteKey);
    const tab1 = await server.openVisitorSocket(visitor.token);
    const tab2 = await server.openVisitorSocket(visitor.token);
    await Promise.all([tab1.hello(), tab2.hello()]);
    const clientId = newClientId();

    // Both are the visitor's first message: neither conversation exists yet.
    const [a, b] = (await Promise.all([
      tab1.sendMessage({ clientId, body: 'double click' }),
      tab2.sendMessage({ clientId, body: 'double click' }),
    ])) as MessageAck[];

    expect(a?.type).toBe('ack');
    expect(b?.type).toBe('ack');
    expect(b?.data.message).toEqual(a?.data.message);
    expect(await countByClientId(clientId)).toBe(1);
    const conversations = await server.db
      .selectFrom('conversations')
      .select('id')
      .where('visitor_id', '=', visitor.visitorId)
      .execute();
    expect(conversations).toHaveLength(1);
  });

  test('a resend after a reconnect (ack possibly lost) lands exactly once', async () => {
    const visitor = await server.startVisitor(inbox.siteKey);
    const clientId = newClientId();
    const lost = await server.openVisitorSocket(visitor.token);
    await lost.hello();
    lost.sendMessageFrame({ clientId, body: 'sent just before the train entered a tunnel' });
    lost.close();

    const again = await server.openVisitorSocket(visitor.token);
    await again.hello();
    const retried = await again.sendAcked({ clientId, body: 'sent just before the train entered a tunnel' });
    const third = await again.sendAcked({ clientId, body: 'sent just before the train entered a tunnel' });
    expect(third).toEqual(retried);
    expect(await countByClientId(clientId)).toBe(1);
  });

  test('another visitor using the same clientId gets their own message, never the first visitor’s', async () => {
    const clientId = newClientId();
    const one = await server.connectVisitor(inbox.siteKey);
    const two = await server.connectVisitor(inbox.siteKey);
    const mine = await one.socket.sendAcked({ clientId, body: 'visitor one’s private words' });
    const theirs = await two.socket.sendAcked({ clientId, body: 'visitor two' });
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.body).toBe('visitor two');
    expect(theirs.conversationId).not.toBe(mine.conversationId);
    expect(await countByClientId(clientId)).toBe(2);
  });
});

describe('concurrency with agents', () => {
  // On Postgres this deadlocked once: the visitor lock (FOR UPDATE) blocked the FOR KEY SHARE that the agent's
  // second UPDATE of the conversation takes on the visitor row for its foreign key. PGlite has one connection,
  // so only the real server can show it.
  test('a visitor’s send and an agent’s reply racing for the same conversation both succeed', async () => {
    const { socket: visitor } = await server.connectVisitor(inbox.siteKey);
    const { conversationId } = await visitor.sendAcked({ body: 'hello' });
    const agentSocket = await server.connectAgent(agent);
    await visitor.waitFor(
      (frame) => frame.type === 'conversation.assigned' && frame.data.conversationId === conversationId,
    );

    // Line both sends up behind one lock, the agent's first, so they run as close together as the database allows.
    const hold = await holdTransaction(server.db, (trx) =>
      trx.selectFrom('conversations').select('id').where('id', '=', conversationId).forUpdate().execute(),
    );
    let answers: Promise<unknown[]>;
    try {
      const agentAnswer = agentSocket.sendMessage({ conversationId, body: 'agent reply' });
      await delay(100);
      const visitorAnswer = visitor.sendMessage({ conversationId, body: 'visitor message' });
      await delay(100);
      answers = Promise.all([agentAnswer, visitorAnswer]);
    } finally {
      await hold.release();
    }
    const [agentAnswer, visitorAnswer] = await answers;
    expect(agentAnswer).toMatchObject({ type: 'ack' });
    expect(visitorAnswer).toMatchObject({ type: 'ack' });
    const seqs = await server.storedSeqs(conversationId);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });
});
