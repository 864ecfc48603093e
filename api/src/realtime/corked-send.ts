import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

// A stored message means several frames to one socket in the same turn of the event loop (the sender's
// ack and echo; an agent's copies of a whole batch). ws writes each frame with its own syscall; holding
// the TCP socket corked until the turn's check phase sends them in one writev.
const corked = new Set<Socket>();
let isUncorkScheduled = false;

/** Sends a frame; the frames a socket gets in one turn of the event loop leave together. */
export function sendCorked(socket: WebSocket, data: string): void {
  // ws keeps its TCP socket in `_socket` (not typed): without it, send uncorked.
  const tcp = (socket as unknown as { _socket?: Socket })._socket;
  if (tcp && !corked.has(tcp)) {
    tcp.cork();
    corked.add(tcp);
    scheduleUncork();
  }
  socket.send(data);
}

function scheduleUncork(): void {
  if (isUncorkScheduled) return;
  isUncorkScheduled = true;
  setImmediate(() => {
    isUncorkScheduled = false;
    for (const tcp of corked) tcp.uncork();
    corked.clear();
  });
}
