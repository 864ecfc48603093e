import type { ConversationDetail, WidgetAvailability, WidgetSession } from '@parley/api/protocol';
import { vi } from 'vitest';
import type { EmitHostEvent } from '../host/host-api.ts';
import type { ApiClient, SessionFacts } from './api-client.ts';
import { ChatController } from './chat-controller.ts';
import { FakeSocket } from './fake-socket.ts';
import { createMemoryStorage, type KeyValueStorage } from './storage.ts';
import { makeCreated, makeSummary } from './test-fixtures.ts';

// A ChatController wired to a fake api and fake sockets, for the controller's tests.

export const SITE = 'site_1';
export const TOKEN_KEY = 'parley:site_1:token';
export const OUTBOX_KEY = 'parley:site_1:outbox';
export const RESUME_KEY = 'parley:site_1:resume';
/** The inbox settings widget.js loaded before the chat (and the controller) started. */
export const CONFIG = { inboxName: 'Support', appearance: { color: '#112233' }, replyTime: null };

/** An api whose session call answers `session()`; every method is a spy. */
export function fakeApi(session: () => WidgetSession) {
  return {
    createSession: vi.fn(async (_siteKey: string, _token: string | null, _facts: SessionFacts) => session()),
    getConversation: vi.fn(
      async (_token: string, _id: string): Promise<ConversationDetail> => ({
        conversation: makeSummary({ lastSeq: 1 }),
        events: [makeCreated()],
        hasMore: false,
      }),
    ),
    getAvailability: vi.fn(
      async (_siteKey: string): Promise<WidgetAvailability> => ({
        isWithinHours: true,
        isAgentOnline: true,
        nextOpenAt: null,
        timezone: null,
      }),
    ),
    saveContact: vi.fn(async (_token: string, _email: string) => {}),
  } satisfies ApiClient;
}

/** The controller, with what it emitted to the host page and what it logged. */
export function setupController(api: ReturnType<typeof fakeApi>, storage: KeyValueStorage = createMemoryStorage()) {
  let nextId = 0;
  const events: Array<[string, ...unknown[]]> = [];
  const logged: string[] = [];
  const emit: EmitHostEvent = (event, ...args) => {
    events.push([event, ...args]);
  };
  const controller = new ChatController({
    siteKey: SITE,
    config: CONFIG,
    api,
    storage,
    wsUrl: 'ws://api.test/v1/widget/ws',
    createSocket: (url, protocols) => new FakeSocket(url, protocols),
    createClientId: () => `clientid${++nextId}`,
    now: () => new Date('2026-01-01T12:00:00.000Z'),
    random: () => 1,
    logError: (message, error) => logged.push(`${message} ${error instanceof Error ? error.message : ''}`),
    emit,
  });
  return { controller, api, storage, events, logged };
}

/** Lets the fake timers run what is due now (promise callbacks included). */
export async function settle() {
  await vi.advanceTimersByTimeAsync(0);
}

/** Opens the latest fake socket and completes its hello with session.ready. */
export async function goLive(socket = FakeSocket.latest()) {
  socket.open();
  socket.ready();
  await settle();
  return socket;
}
