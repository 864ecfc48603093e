// Builders of protocol objects for unit tests.
import type { ConversationEvent, ConversationSummary, Message } from '@parley/api/protocol';

export const CONVERSATION_ID = '11111111-1111-4111-8111-111111111111';
export const OTHER_CONVERSATION_ID = '22222222-2222-4222-8222-222222222222';
const VISITOR_ID = '33333333-3333-4333-8333-333333333333';
const AGENT = { id: '44444444-4444-4444-8444-444444444444', name: 'Alice' };

export function makeSummary(overrides: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id: CONVERSATION_ID,
    inboxId: '55555555-5555-4555-8555-555555555555',
    status: 'open',
    assignee: null,
    visitor: { id: VISITOR_ID, name: null, email: null },
    lastSeq: 1,
    lastMessage: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

export function makeCreated(conversationId = CONVERSATION_ID, createdAt?: string): ConversationEvent {
  return {
    type: 'conversation.created',
    data: {
      conversationId,
      seq: 1,
      at: '2026-01-01T10:00:00.000Z',
      conversation: makeSummary({ id: conversationId, ...(createdAt ? { createdAt } : {}) }),
    },
  };
}

export function makeMessage(
  seq: number,
  options: {
    from?: 'visitor' | 'agent' | 'system';
    body?: string;
    clientId?: string | null;
    conversationId?: string;
  } = {},
): Message {
  const from = options.from ?? 'visitor';
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    conversationId: options.conversationId ?? CONVERSATION_ID,
    seq,
    clientId: options.clientId === undefined ? (from === 'visitor' ? `client${seq}xyz` : null) : options.clientId,
    sender: {
      type: from,
      id: from === 'agent' ? AGENT.id : from === 'visitor' ? VISITOR_ID : null,
      name: from === 'agent' ? AGENT.name : null,
    },
    body: options.body ?? `message ${seq}`,
    createdAt: `2026-01-01T10:00:${String(seq).padStart(2, '0')}.000Z`,
  };
}

export function makeMessageCreated(seq: number, options: Parameters<typeof makeMessage>[1] = {}): ConversationEvent {
  const message = makeMessage(seq, options);
  return {
    type: 'message.created',
    data: { conversationId: message.conversationId, seq, at: message.createdAt, message },
  };
}

export function makeAssigned(seq: number, conversationId = CONVERSATION_ID): ConversationEvent {
  return {
    type: 'conversation.assigned',
    data: { conversationId, seq, at: '2026-01-01T10:01:00.000Z', assignee: AGENT },
  };
}

export function makeResolved(seq: number, conversationId = CONVERSATION_ID): ConversationEvent {
  return { type: 'conversation.resolved', data: { conversationId, seq, at: '2026-01-01T10:02:00.000Z', by: AGENT } };
}
