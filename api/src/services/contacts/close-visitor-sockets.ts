import type { Realtime } from '../../plugins/realtime.ts';
import { topics } from '../../realtime/hub.ts';

/**
 * Closes this process's widget sockets of a visitor. Sockets on other api processes stay open but hear
 * nothing more (the visitor's topic goes quiet) and cannot reconnect with a deleted token.
 */
export function closeVisitorSockets(
  realtime: Pick<Realtime, 'connections'>,
  visitorId: string,
  code: number,
  reason: string,
): number {
  const topic = topics.visitor(visitorId);
  let closed = 0;
  for (const connection of realtime.connections) {
    if (connection.topic !== topic) continue;
    connection.close(code, reason);
    closed++;
  }
  return closed;
}
