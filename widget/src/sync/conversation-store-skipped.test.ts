import type { ConversationEvent } from '@parley/api/protocol';
import { describe, expect, it } from 'vitest';
import { ConversationStore } from './conversation-store.ts';
import { CONVERSATION_ID, makeCreated, makeMessageCreated, makeSummary } from './test-fixtures.ts';

const skipped = (seq: number): ConversationEvent => ({
  type: 'conversation.seq_skipped',
  data: { conversationId: CONVERSATION_ID, seq, at: '2026-12-02T10:00:00.000Z' },
});

describe('conversation.seq_skipped (an internal note the visitor does not see)', () => {
  it('keeps seqs contiguous: the next message applies, nothing is shown, the preview stays', () => {
    const store = new ConversationStore();
    store.apply(makeCreated());
    store.apply(makeMessageCreated(2, { body: 'hello' }));
    expect(store.apply(skipped(3))).toBe('applied');
    const view = store.listConversations()[0];
    expect(view?.entries).toHaveLength(1);
    expect(view?.summary.lastMessage?.body).toBe('hello');
    expect(store.apply(makeMessageCreated(4, { from: 'agent', body: 'sorted' }))).toBe('applied');
    expect(store.getLastSeq(CONVERSATION_ID)).toBe(4);
  });

  it('a REST page ending in a skip resumes after it', () => {
    const store = new ConversationStore();
    store.load(makeSummary({ lastSeq: 3 }), [makeCreated(), makeMessageCreated(2), skipped(3)]);
    expect(store.getLastSeq(CONVERSATION_ID)).toBe(3);
    expect(store.apply(makeMessageCreated(4))).toBe('applied');
  });
});
