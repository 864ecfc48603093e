// Builders for unit tests: valid protocol shapes with only the interesting fields spelled out.
import type {
  ConversationDetail,
  ConversationEvent,
  ConversationSummary,
  Inbox,
  Member,
  Message,
  Queue,
} from '@parley/api/protocol';

export const CONVERSATION_ID = '0190a000-0000-7000-8000-000000000001';
export const OTHER_CONVERSATION_ID = '0190a000-0000-7000-8000-000000000002';
export const VISITOR_ID = '0190a000-0000-7000-8000-0000000000aa';
export const AGENT = { id: '0190a000-0000-7000-8000-0000000000bb', name: 'Ann' };

export function atSecond(second: number): string {
  return new Date(Date.UTC(2025, 0, 1, 12, 0, second)).toISOString();
}

export function makeSummary(overrides: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id: CONVERSATION_ID,
    inboxId: '0190a000-0000-7000-8000-0000000000cc',
    status: 'open',
    assignee: null,
    visitor: { id: VISITOR_ID, name: null, email: null },
    lastSeq: 1,
    lastMessage: null,
    createdAt: atSecond(0),
    updatedAt: atSecond(0),
    ...overrides,
  };
}

export function makeCreated(conversationId = CONVERSATION_ID): ConversationEvent {
  return {
    type: 'conversation.created',
    data: { conversationId, seq: 1, at: atSecond(0), conversation: makeSummary({ id: conversationId }) },
  };
}

export function makeMessage(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: `0190a000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    conversationId: CONVERSATION_ID,
    seq,
    clientId: null,
    sender: { type: 'visitor', id: VISITOR_ID, name: null },
    body: `message ${seq}`,
    createdAt: atSecond(seq),
    ...overrides,
  };
}

export function makeMessageEvent(seq: number, overrides: Partial<Message> = {}): ConversationEvent {
  const message = makeMessage(seq, overrides);
  return {
    type: 'message.created',
    data: { conversationId: message.conversationId, seq, at: message.createdAt, message },
  };
}

/** conversation.created then messages 2..lastSeq. */
export function makeHistory(lastSeq: number, conversationId = CONVERSATION_ID): ConversationEvent[] {
  const events: ConversationEvent[] = [makeCreated(conversationId)];
  for (let seq = 2; seq <= lastSeq; seq++) events.push(makeMessageEvent(seq, { conversationId }));
  return events;
}

export function makeDetail(
  events: ConversationEvent[],
  overrides: Partial<ConversationSummary> = {},
): ConversationDetail {
  const lastSeq = events.at(-1)?.data.seq ?? 0;
  return {
    conversation: makeSummary({ lastSeq, updatedAt: atSecond(lastSeq), ...overrides }),
    events,
    hasMore: (events[0]?.data.seq ?? 1) > 1,
  };
}

export const INBOX_ID = '0190a000-0000-7000-8000-0000000000cc';
export const OTHER_INBOX_ID = '0190a000-0000-7000-8000-0000000000dd';
export const ME = { id: '0190a000-0000-7000-8000-0000000000ee', name: 'Mia' };

export function makeInbox(overrides: Partial<Inbox> = {}): Inbox {
  return {
    id: INBOX_ID,
    name: 'Website',
    siteKey: 'site_key_1',
    allowedOrigins: [],
    appearance: {},
    snippet: '<script></script>',
    routing: { mode: 'auto', defaultCapacity: 5, reassignAfterSeconds: null, businessHours: null },
    ...overrides,
  };
}

/** A queue with these conversations waiting, in this order, each queued a second after the previous. */
export function makeQueue(ids: readonly string[], inboxId = INBOX_ID): Queue {
  const conversations = ids.map((id, index) => ({ id, position: index + 1, queuedAt: atSecond(index) }));
  return { inboxId, length: ids.length, oldestQueuedAt: conversations[0]?.queuedAt ?? null, conversations };
}

export function makeMember(overrides: Partial<Member> = {}): Member {
  return {
    userId: ME.id,
    name: ME.name,
    email: 'mia@example.test',
    role: 'owner',
    capacity: null,
    isAway: false,
    isOnline: true,
    deactivatedAt: null,
    ...overrides,
  };
}
