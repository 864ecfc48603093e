import { AGENT_WS_PATH } from '@parley/api/protocol/constants';
import { getConversation, getMe, listConversations, listInboxes } from '../api/endpoints.ts';
import { isApiError } from '../api/http.ts';
import { getQueue, listMembers } from '../api/routing-endpoints.ts';
import { AgentConnection, buildAgentSocketUrl, type SocketLike } from './agent-connection.ts';
import { ConsoleStore } from './console-store.ts';
import { Outbox, type StorageLike } from './outbox.ts';

/** The browser wiring of the store: real fetch, real WebSocket on this origin, sessionStorage. */
export function createConsoleStore(userId: string, onUnauthorized: () => void): ConsoleStore {
  return new ConsoleStore({
    userId,
    api: {
      listConversations,
      getConversation,
      listInboxes,
      getQueue,
      listMembers,
      isSessionValid: async () => {
        try {
          await getMe();
          return true;
        } catch (error) {
          return !(isApiError(error) && error.status === 401);
        }
      },
    },
    outbox: new Outbox(getSessionStorage(), outboxKeyFor(userId)),
    createConnection: (handlers) =>
      new AgentConnection({
        ...handlers,
        url: buildAgentSocketUrl(window.location, AGENT_WS_PATH),
        // The DOM handler signatures are wider than SocketLike's; the shapes used are the same.
        createSocket: (url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike,
      }),
    onUnauthorized,
  });
}

export function outboxKeyFor(userId: string): string {
  return `parley.outbox.${userId}`;
}

/** Forgets unsent messages, e.g. on logout on a shared computer. */
export function clearStoredOutbox(userId: string): void {
  getSessionStorage()?.removeItem(outboxKeyFor(userId));
}

function getSessionStorage(): StorageLike | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
