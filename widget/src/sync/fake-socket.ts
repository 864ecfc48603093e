// A scriptable stand-in for the browser WebSocket, for unit tests.
import type { ServerFrame } from '@parley/api/protocol';
import type { SocketLike } from './visitor-connection.ts';

export class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  readonly url: string;
  readonly protocols: string[];
  readonly sent: Array<{ type: string; id?: string; data?: unknown }> = [];
  closedWith: number | undefined | null = null;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;

  constructor(url: string, protocols: string[]) {
    this.url = url;
    this.protocols = protocols;
    FakeSocket.all.push(this);
  }

  static latest(): FakeSocket {
    const socket = FakeSocket.all.at(-1);
    if (!socket) throw new Error('no socket was created');
    return socket;
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(code?: number): void {
    this.closedWith = code;
  }

  open(): void {
    this.onopen?.({});
  }

  receive(frame: ServerFrame | { type: string; id?: string; data?: unknown }): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }

  ready(heartbeatMs = 25_000): void {
    this.receive({ type: 'session.ready', data: { protocol: 1, heartbeatMs } });
  }

  serverClose(code: number): void {
    this.onclose?.({ code });
  }

  sentOfType(type: string) {
    return this.sent.filter((frame) => frame.type === type);
  }
}
