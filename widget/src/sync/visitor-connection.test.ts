import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from './fake-socket.ts';
import { type ConnectionState, VisitorConnection, type VisitorConnectionOptions } from './visitor-connection.ts';

function setup(overrides: Partial<VisitorConnectionOptions> = {}) {
  const states: ConnectionState[] = [];
  const frames: unknown[] = [];
  const ready = vi.fn();
  const connection = new VisitorConnection({
    url: 'ws://api.test/v1/widget/ws',
    createSocket: (url, protocols) => new FakeSocket(url, protocols),
    prepare: async () => 'tok123',
    getResume: () => [{ conversationId: 'c1', lastSeq: 7 }],
    onFrame: (frame) => frames.push(frame),
    onReady: ready,
    onStateChange: (state) => states.push(state),
    onUnauthorized: () => false,
    random: () => 1,
    ...overrides,
  });
  return { connection, states, frames, ready };
}

describe('VisitorConnection', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('connects with the token as a subprotocol, says hello with resume, and goes live on session.ready', async () => {
    const { connection, states, ready } = setup();
    connection.start();
    await vi.advanceTimersByTimeAsync(0);
    const socket = FakeSocket.latest();
    expect(socket.url).toBe('ws://api.test/v1/widget/ws');
    expect(socket.protocols).toEqual(['parley.v1', 'parley.token.tok123']);

    socket.open();
    expect(socket.sent).toEqual([
      { type: 'hello', data: { protocol: 1, resume: [{ conversationId: 'c1', lastSeq: 7 }] } },
    ]);
    expect(connection.send({ type: 'ping' })).toBe(false);

    socket.ready();
    expect(ready).toHaveBeenCalledOnce();
    expect(states).toEqual(['connecting', 'live']);
    expect(connection.send({ type: 'ping' })).toBe(true);
  });

  it('hands other frames over in order and swallows pongs', async () => {
    const { connection, frames } = setup();
    connection.start();
    await vi.advanceTimersByTimeAsync(0);
    const socket = FakeSocket.latest();
    socket.open();
    socket.receive({ type: 'conversation.resync_required', data: { conversationId: 'c1', lastSeq: 7 } });
    socket.ready();
    socket.receive({ type: 'pong', data: {} });
    socket.onmessage?.({ data: 'not json' });
    socket.receive({ type: 'ack', id: 'f1', data: {} });
    expect(frames.map((frame) => (frame as { type: string }).type)).toEqual(['conversation.resync_required', 'ack']);
  });

  it('pings every heartbeatMs and reconnects after heartbeatMs + 10 s of silence', async () => {
    const { connection, states } = setup();
    connection.start();
    await vi.advanceTimersByTimeAsync(0);
    const socket = FakeSocket.latest();
    socket.open();
    socket.ready(5000);

    await vi.advanceTimersByTimeAsync(5000);
    expect(socket.sentOfType('ping')).toHaveLength(1);
    socket.receive({ type: 'pong', data: {} });
    await vi.advanceTimersByTimeAsync(5000);
    expect(socket.sentOfType('ping')).toHaveLength(2);

    await vi.advanceTimersByTimeAsync(10_000);
    expect(states.at(-1)).toBe('reconnecting');
    expect(socket.closedWith).not.toBeNull();

    await vi.advanceTimersByTimeAsync(500);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('reconnects with growing backoff on reconnectable codes and resets after session.ready', async () => {
    const { connection, states } = setup();
    connection.start();
    await vi.advanceTimersByTimeAsync(0);
    FakeSocket.latest().serverClose(1012);
    expect(states.at(-1)).toBe('reconnecting');

    await vi.advanceTimersByTimeAsync(499);
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.all).toHaveLength(2);

    FakeSocket.latest().serverClose(1006);
    await vi.advanceTimersByTimeAsync(999);
    expect(FakeSocket.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.all).toHaveLength(3);

    const socket = FakeSocket.latest();
    socket.open();
    socket.ready();
    expect(states.at(-1)).toBe('live');
    socket.serverClose(4003);
    await vi.advanceTimersByTimeAsync(500);
    expect(FakeSocket.all).toHaveLength(4);
  });

  it('retries when prepare fails (e.g. the session request could not reach the server)', async () => {
    let calls = 0;
    const { connection, states } = setup({
      prepare: async () => {
        calls++;
        if (calls === 1) throw new Error('offline');
        return 'tok123';
      },
    });
    connection.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(states).toEqual(['connecting', 'reconnecting']);
    await vi.advanceTimersByTimeAsync(500);
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('stays idle when prepare gives up', async () => {
    const { connection, states } = setup({ prepare: async () => null });
    connection.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(states).toEqual(['connecting', 'idle']);
    expect(FakeSocket.all).toHaveLength(0);
  });

  it('does not reconnect after 4000 or an unknown code', async () => {
    const { connection, states } = setup();
    connection.start();
    await vi.advanceTimersByTimeAsync(0);
    FakeSocket.latest().serverClose(4000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(states.at(-1)).toBe('idle');
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('asks what to do on 4001 and tries again only when told to', async () => {
    const onUnauthorized = vi.fn(() => true);
    const { connection } = setup({ onUnauthorized });
    connection.start();
    await vi.advanceTimersByTimeAsync(0);
    FakeSocket.latest().serverClose(4001);
    expect(onUnauthorized).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(500);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('stop closes the socket and cancels pending reconnects', async () => {
    const { connection, states } = setup();
    connection.start();
    await vi.advanceTimersByTimeAsync(0);
    FakeSocket.latest().serverClose(1012);
    connection.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(states.at(-1)).toBe('idle');
  });

  it('reconnectNow skips the backoff wait', async () => {
    const { connection } = setup();
    connection.start();
    await vi.advanceTimersByTimeAsync(0);
    FakeSocket.latest().serverClose(1006);
    connection.reconnectNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeSocket.all).toHaveLength(2);
  });
});

describe('VisitorConnection refusal detection', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('tells prepare when the previous socket closed before opening (a refused upgrade)', async () => {
    const prepare = vi.fn(async (_attempt: number, _wasRefused: boolean) => 'tok');
    const { connection } = setup({ prepare });
    connection.start();
    await vi.advanceTimersByTimeAsync(0);
    FakeSocket.latest().serverClose(1006);
    await vi.advanceTimersByTimeAsync(500);
    const socket = FakeSocket.latest();
    socket.open();
    socket.ready();
    socket.serverClose(1012);
    await vi.advanceTimersByTimeAsync(500);
    expect(prepare.mock.calls).toEqual([
      [0, false],
      [1, true],
      [1, false],
    ]);
  });
});
