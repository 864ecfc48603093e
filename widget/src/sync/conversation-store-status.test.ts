import type { ConversationEvent } from '@parley/api/protocol';
import { describe, expect, it } from 'vitest';
import { ConversationStore } from './conversation-store.ts';
import { CONVERSATION_ID, makeCreated, makeMessageCreated } from './test-fixtures.ts';

const statusChanged = (seq: number, status: 'open' | 'pending' | 'snoozed'): ConversationEvent => ({
  type: 'conversation.status_changed',
  data: {
    conversationId: CONVERSATION_ID,
    seq,
    at: '2026-12-02T10:00:00.000Z',
    status,
    snoozedUntil: status === 'snoozed' ? '2026-12-03T09:00:00.000Z' : null,
    by: null,
  },
});

describe('conversation.status_changed in the widget', () => {
  it('applies by seq and shows nothing: pending and snoozed stay the visitor’s current conversation', () => {
    const store = new ConversationStore();
    store.apply(makeCreated());
    store.apply(makeMessageCreated(2, { body: 'hello' }));
    expect(store.apply(statusChanged(3, 'snoozed'))).toBe('applied');
    expect(store.apply(statusChanged(4, 'open'))).toBe('applied');
    expect(store.apply(makeMessageCreated(5, { from: 'agent', body: 'back' }))).toBe('applied');
    const view = store.listConversations()[0];
    expect(view?.entries.map((entry) => entry.kind)).toEqual(['message', 'message']);
    expect(view?.summary.status).toBe('open');
    expect(store.getLastSeq(CONVERSATION_ID)).toBe(5);
  });
});
