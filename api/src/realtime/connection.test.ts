import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLOSE_CODES } from '../protocol/constants.ts';
import type { Inbox } from '../protocol/rest.ts';
import { holdTransaction } from '../testing/hold-transaction.ts';
import { startTestServer, type TestAgent, type TestServer } from '../testing/test-server.ts';
import { delay, newClientId, type TestSocket } from '../testing/test-socket.ts';

// A dedicated app with a short heartbeat, so dead peers are found in a fraction of a second.
const HEARTBEAT_MS = 200;

let server: TestServer;
let agent: TestAgent;
let inbox: Inbox;
beforeAll(async () => {
  server = await startTestServer({ heartbeatMs: HEARTBEAT_MS });
  agent = await server.signUp();
  inbox = await server.inboxOf(agent.cookie);
});
afterAll(() => server.close());

describe('heartbeat', () => {
  test('session.ready tells the client the heartbeat interval', async () => {
    const visitor = await server.startVisitor(inbox.siteKey);
    const socket = await server.openVisitorSocket(visitor.token);
    const { ready } = await socket.hello();
    expect(ready.data.heartbeatMs).toBe(HEARTBEAT_MS);
    socket.close();
  });

  test('a client that stops answering pings is closed with 4002 within a few intervals', async () => {
    const visitor = await server.startVisitor(inbox.siteKey);
    // Silence starts when each socket opens (it never answers a ping), so measure from before the first opens:
    // on a loaded machine the second open and the hellos can take a while.
    const silentSince = Date.now();
    const sockets = [
      await server.openVisitorSocket(visitor.token, undefined, { autoPong: false }),
      await server.openAgentSocket(agent.cookie, { autoPong: false }),
    ];
    await Promise.all(sockets.map((socket) => socket.hello()));

    const closes = await Promise.all(sockets.map((socket) => socket.waitForClose()));
    const elapsed = Date.now() - silentSince;
    expect(closes.map((close) => close.code)).toEqual([CLOSE_CODES.heartbeatTimeout, CLOSE_CODES.heartbeatTimeout]);
    // Silence for two intervals is tolerated; the check runs each interval.
    expect(elapsed).toBeGreaterThanOrEqual(2 * HEARTBEAT_MS - 50);
    expect(elapsed).toBeLessThan(6 * HEARTBEAT_MS);
  });

  test('a client that answers pings stays connected while otherwise silent', async () => {
    const visitor = await server.startVisitor(inbox.siteKey);
    const socket = await server.openVisitorSocket(visitor.token);
    let pings = 0;
    socket.ws.on('ping', () => {
      pings += 1;
    });
    await socket.hello();
    await delay(8 * HEARTBEAT_MS);
    expect(socket.isOpen).toBe(true);
    expect(pings).toBeGreaterThanOrEqual(5);
    await socket.sendAcked({ body: 'still here' });
  });
});

describe('graceful shutdown', () => {
  async function sendInFlight(socket: TestSocket, clientId: string): Promise<string> {
    const id = socket.sendMessageFrame({ clientId, body: 'sent as the server was told to stop' });
    // The pong proves the server has read the send (frames are handled in order) and its command is under way.
    socket.send({ type: 'ping', id: `ping-${id}` });
    await socket.waitFor((frame) => frame.type === 'pong' && frame.id === `ping-${id}`);
    return id;
  }

  test('app.realtime.shutDown() acks the send in flight, then closes every socket with 1012', async () => {
    const visitor = await server.startVisitor(inbox.siteKey);
    const socket = await server.openVisitorSocket(visitor.token);
    await socket.hello();
    const idle = await server.connectAgent(agent);
    const clientId = newClientId();

    const lock = await holdTransaction(server.db, (trx) =>
      trx.selectFrom('visitors').select('id').where('id', '=', visitor.visitorId).forUpdate().execute(),
    );
    const id = await sendInFlight(socket, clientId);
    const shuttingDown = server.app.realtime.shutDown();

    // While the send is still blocked, nothing is closed and nothing new is taken.
    await delay(150);
    expect(socket.isOpen).toBe(true);
    expect(socket.frames.some((frame) => frame.type === 'ack')).toBe(false);
    socket.sendMessageFrame({ body: 'too late' });
    const refused = await socket.waitFor((frame) => frame.type === 'error');
    expect(refused).toMatchObject({ data: { code: 'server/unavailable' } });

    await lock.release();
    const close = await socket.waitForClose();
    expect(close.code).toBe(CLOSE_CODES.serviceRestart);
    const ack = socket.frames.find((frame) => frame.type === 'ack' && frame.id === id);
    expect(ack).toMatchObject({ data: { message: { clientId } } });
    expect((await idle.waitForClose()).code).toBe(CLOSE_CODES.serviceRestart);
    await shuttingDown;

    const stored = await server.db.selectFrom('messages').select('body').where('client_id', '=', clientId).execute();
    expect(stored).toHaveLength(1);
    expect(await server.db.selectFrom('messages').select('id').where('body', '=', 'too late').execute()).toEqual([]);
  });

  // BUG (reported, same cause as the rate-limit one): connection.ts refuses frames during shutdown with an
  // error that has no id, so the client cannot tell which pending send to retry after reconnecting.
  test('a command refused during shutdown is answered with its own id', async () => {
    const visitor = await server.startVisitor(inbox.siteKey);
    const socket = await server.openVisitorSocket(visitor.token);
    await socket.hello();
    const lock = await holdTransaction(server.db, (trx) =>
      trx.selectFrom('visitors').select('id').where('id', '=', visitor.visitorId).forUpdate().execute(),
    );
    await sendInFlight(socket, newClientId());
    const shuttingDown = server.app.realtime.shutDown();
    try {
      const lateId = socket.sendMessageFrame({ body: 'too late' });
      expect(await socket.waitForAnswer(lateId, { timeoutMs: 500 })).toMatchObject({
        type: 'error',
        data: { code: 'server/unavailable' },
      });
    } finally {
      await lock.release();
      await shuttingDown;
    }
  });
});
