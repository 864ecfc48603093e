import type { Realtime } from '../plugins/realtime.ts';

/**
 * Closes every socket of this process that a user opened, whatever the session (a deactivated member).
 * Sockets on other api processes are closed by their own session check (plugins/session-sweeper.ts).
 */
export function closeUserSockets(realtime: Pick<Realtime, 'connections'>, userId: string, code: number): void {
  for (const connection of realtime.connections)
    if (connection.userId === userId) connection.close(code, 'deactivated');
}
