// The ConsoleStore with a fake socket and a fake REST api, for unit tests.
import type {
  AgentFrame,
  ConversationDetail,
  ConversationList,
  InboxList,
  MemberList,
  Queue,
  ServerFrame,
} from '@parley/api/protocol';
import { vi } from 'vitest';
import type { ConnectionHandlers, ConnectionStatus } from './agent-connection.ts';
import { type ConnectionPort, type ConsoleApi, ConsoleStore } from './console-store.ts';
import { Outbox } from './outbox.ts';
import { ME, makeDetail, makeHistory, makeInbox, makeMember, makeQueue, makeSummary } from './test-fixtures.ts';

export class FakeConnection implements ConnectionPort {
  sent: AgentFrame[] = [];
  isLive = false;
  stopped = 0;
  constructor(readonly handlers: ConnectionHandlers) {}
  start(): void {
    this.setStatus('connecting');
  }
  stop(): void {
    this.stopped++;
    this.setStatus('closed');
  }
  reconnectNow(): void {}
  send(frame: AgentFrame): boolean {
    if (!this.isLive) return false;
    this.sent.push(frame);
    // The server acks a follow with the seq it starts after.
    if (frame.type === 'conversation.follow')
      queueMicrotask(() => this.receive({ type: 'ack', id: frame.id, data: { lastSeq: 0 } }));
    return true;
  }
  setStatus(status: ConnectionStatus): void {
    this.isLive = status === 'live';
    this.handlers.onStatusChange(status);
  }
  becomeReady(): void {
    // As the real connection does when it says hello.
    this.handlers.getResume();
    this.setStatus('live');
    this.handlers.onReady();
  }
  drop(): void {
    this.setStatus('reconnecting');
  }
  receive(frame: ServerFrame): void {
    this.handlers.onFrame(frame);
  }
  sentOfType<T extends AgentFrame['type']>(type: T): Extract<AgentFrame, { type: T }>[] {
    return this.sent.filter((frame): frame is Extract<AgentFrame, { type: T }> => frame.type === type);
  }
}

export function createApi(overrides: Partial<ConsoleApi> = {}) {
  const api = {
    listConversations: vi.fn(async (): Promise<ConversationList> => ({ conversations: [makeSummary({ lastSeq: 3 })] })),
    getConversation: vi.fn(async (): Promise<ConversationDetail> => makeDetail(makeHistory(3))),
    isSessionValid: vi.fn(async () => true),
    listInboxes: vi.fn(async (): Promise<InboxList> => ({ inboxes: [makeInbox()] })),
    getQueue: vi.fn(async (): Promise<Queue> => makeQueue([])),
    listMembers: vi.fn(async (): Promise<MemberList> => ({ members: [makeMember()] })),
    ...overrides,
  };
  return api;
}

export function setup(apiOverrides: Partial<ConsoleApi> = {}) {
  const api = createApi(apiOverrides);
  let connection: FakeConnection | undefined;
  const onUnauthorized = vi.fn();
  const store = new ConsoleStore({
    userId: ME.id,
    api,
    outbox: new Outbox(null, 'test'),
    createConnection: (handlers) => {
      connection = new FakeConnection(handlers);
      return connection;
    },
    onUnauthorized,
    rateLimitRetryMs: 1000,
  });
  if (!connection) throw new Error('no connection');
  return { store, api, connection, onUnauthorized };
}
