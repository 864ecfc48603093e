import type { AddressInfo, Socket } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { sendCorked } from './corked-send.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A server-side socket whose TCP writes are counted, and the frames its client receives. */
async function connectedPair() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const serverSocket = await new Promise<WebSocket>((resolve) => server.once('connection', resolve));
  await new Promise((resolve) => client.once('open', resolve));
  cleanups.push(() => {
    client.terminate();
    server.close();
  });
  const tcp = (serverSocket as unknown as { _socket: Socket & Record<string, unknown> })._socket;
  const writes = { count: 0 };
  for (const method of ['_write', '_writev'] as const) {
    const original = tcp[method] as (...args: unknown[]) => unknown;
    tcp[method] = (...args: unknown[]) => {
      writes.count++;
      return original.apply(tcp, args);
    };
  }
  const received: string[] = [];
  client.on('message', (data) => received.push(data.toString()));
  const receivedAll = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => (received.length >= count ? resolve() : setTimeout(check, 5));
      check();
    });
  return { serverSocket, writes, received, receivedAll };
}

test('frames sent to one socket in the same turn leave in one write, in order', async () => {
  const pair = await connectedPair();
  sendCorked(pair.serverSocket, 'ack');
  sendCorked(pair.serverSocket, 'message.created');
  sendCorked(pair.serverSocket, 'third');
  await pair.receivedAll(3);
  expect(pair.received).toEqual(['ack', 'message.created', 'third']);
  expect(pair.writes.count).toBe(1);
});

test('without corking the same three frames take three writes (what the test above guards)', async () => {
  const pair = await connectedPair();
  for (const frame of ['a', 'b', 'c']) pair.serverSocket.send(frame);
  await pair.receivedAll(3);
  expect(pair.writes.count).toBe(3);
});

test('frames of later turns still go out: the socket is uncorked after each turn', async () => {
  const pair = await connectedPair();
  sendCorked(pair.serverSocket, 'first turn');
  await pair.receivedAll(1);
  await new Promise((resolve) => setTimeout(resolve, 10));
  sendCorked(pair.serverSocket, 'second turn');
  await pair.receivedAll(2);
  expect(pair.received).toEqual(['first turn', 'second turn']);
  expect(pair.writes.count).toBe(2);
});
