import type { ServerFrame } from '@parley/api/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AgentConnection,
  type AgentConnectionOptions,
  buildAgentSocketUrl,
  type ConnectionStatus,
  type SocketLike,
} from './agent-connection.ts';

class FakeSocket implements SocketLike {
  sent: unknown[] = [];
  closedWith: number | null = null;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;

  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {}

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(code = 1000): void {
    this.closedWith = code;
  }
  open(): void {
    this.onopen?.({});
  }
  receive(frame: ServerFrame | { type: string; data?: unknown }): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  serverClose(code: number): void {
    this.onclose?.({ code, reason: '' });
  }
}

const READY = { type: 'session.ready', data: { protocol: 1, heartbeatMs: 25_000 } } as const;

function setup(overrides: Partial<AgentConnectionOptions> = {}) {
  const sockets: FakeSocket[] = [];
  const statuses: ConnectionStatus[] = [];
  const frames: ServerFrame[] = [];
  const closes: { code: number; wasOpen: boolean }[] = [];
  let readyCount = 0;
  const connection = new AgentConnection({
    url: 'ws://console.test/v1/agent/ws',
    createSocket: (url, protocols) => {
      const socket = new FakeSocket(url, protocols);
      sockets.push(socket);
      return socket;
    },
    getResume: () => [{ conversationId: 'c1', lastSeq: 4 }],
    onFrame: (frame) => frames.push(frame),
    onReady: () => readyCount++,
    onStatusChange: (status) => statuses.push(status),
    onClosed: (info) => closes.push(info),
    random: () => 1,
    ...overrides,
  });
  const latest = () => {
    const socket = sockets.at(-1);
    if (!socket) throw new Error('no socket');
    return socket;
  };
  return { connection, sockets, statuses, frames, closes, latest, readyCount: () => readyCount };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('AgentConnection', () => {
  it('asks for parley.v1 and says hello with the resume list first', () => {
    const { connection, latest } = setup();
    connection.start();
    expect(latest().protocols).toEqual(['parley.v1']);
    latest().open();
    expect(latest().sent).toEqual([
      { type: 'hello', data: { protocol: 1, resume: [{ conversationId: 'c1', lastSeq: 4 }] } },
    ]);
  });

  it('becomes live on session.ready and passes other frames on', () => {
    const { connection, latest, statuses, frames, readyCount } = setup();
    connection.start();
    latest().open();
    const resync = { type: 'conversation.resync_required', data: { conversationId: 'c1', lastSeq: 4 } } as const;
    latest().receive(resync);
    latest().receive(READY);
    latest().receive({ type: 'pong', data: {} });
    expect(statuses).toEqual(['connecting', 'live']);
    expect(readyCount()).toBe(1);
    expect(frames).toEqual([resync]);
  });

  it('only sends commands while live', () => {
    const { connection, latest } = setup();
    connection.start();
    latest().open();
    const ping = { type: 'ping' } as const;
    expect(connection.send(ping)).toBe(false);
    latest().receive(READY);
    expect(connection.send(ping)).toBe(true);
  });

  it('pings every heartbeat', () => {
    const { connection, latest } = setup();
    connection.start();
    latest().open();
    latest().receive({ type: 'session.ready', data: { protocol: 1, heartbeatMs: 1000 } });
    vi.advanceTimersByTime(1000);
    latest().receive({ type: 'pong', data: {} });
    vi.advanceTimersByTime(1000);
    expect(latest().sent.filter((frame) => (frame as { type: string }).type === 'ping')).toHaveLength(2);
  });

  it('reconnects with backoff on reconnectable codes and resets after ready', () => {
    const { connection, sockets, latest, statuses } = setup();
    connection.start();
    latest().open();
    latest().receive(READY);
    latest().serverClose(1012);
    expect(statuses.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);

    latest().serverClose(1006);
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);

    latest().open();
    latest().receive(READY);
    latest().serverClose(1006);
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(4);
  });

  it('stops on 4001 and reports unauthorized', () => {
    const { connection, sockets, latest, statuses } = setup();
    connection.start();
    latest().open();
    latest().serverClose(4001);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe('unauthorized');
  });

  it('does not reconnect after a protocol error', () => {
    const { connection, sockets, latest, statuses } = setup();
    connection.start();
    latest().open();
    latest().serverClose(4000);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe('closed');
  });

  it('drops a silent socket after heartbeat + 10 s and reconnects', () => {
    const { connection, sockets, latest } = setup();
    connection.start();
    latest().open();
    latest().receive({ type: 'session.ready', data: { protocol: 1, heartbeatMs: 1000 } });
    const first = latest();
    vi.advanceTimersByTime(11_000);
    expect(first.closedWith).not.toBeNull();
    expect(first.onmessage).toBeNull();
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(2);
  });

  it('reports whether a closed socket had opened', () => {
    const { connection, latest, closes } = setup();
    connection.start();
    latest().serverClose(1006);
    expect(closes).toEqual([{ code: 1006, wasOpen: false }]);
  });

  it('reconnects at once when asked while waiting', () => {
    const { connection, sockets, latest } = setup();
    connection.start();
    latest().serverClose(1006);
    connection.reconnectNow();
    expect(sockets).toHaveLength(2);
    connection.reconnectNow();
    expect(sockets).toHaveLength(2);
  });

  it('stops cleanly', () => {
    const { connection, sockets, latest, statuses } = setup();
    connection.start();
    latest().open();
    latest().receive(READY);
    connection.stop();
    expect(latest().closedWith).toBe(1000);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe('closed');
  });
});

describe('buildAgentSocketUrl', () => {
  it('follows the page scheme', () => {
    expect(buildAgentSocketUrl({ protocol: 'https:', host: 'app.example.com' }, '/v1/agent/ws')).toBe(
      'wss://app.example.com/v1/agent/ws',
    );
    expect(buildAgentSocketUrl({ protocol: 'http:', host: 'localhost:3000' }, '/v1/agent/ws')).toBe(
      'ws://localhost:3000/v1/agent/ws',
    );
  });
});
