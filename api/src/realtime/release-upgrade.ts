import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';

/**
 * Lets the upgrade request be collected once its socket is open. @fastify/websocket leaves two references
 * for the socket's whole life: an 'error' listener that closes over the request and its reply, and the
 * HTTP response it assigned to the TCP socket (which holds the request and its headers). With thousands
 * of idle visitors that is kilobytes each. Connection adds its own 'error' listener right after this.
 */
export function releaseUpgradeRequest(socket: WebSocket, request: FastifyRequest): void {
  socket.removeAllListeners('error');
  const tcp = request.raw.socket as (typeof request.raw.socket & { _httpMessage?: unknown }) | null;
  if (tcp) tcp._httpMessage = null;
}
