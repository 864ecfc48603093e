import { describe, expect, it } from 'vitest';
import { ConversationStore } from './conversation-store.ts';
import {
  CONVERSATION_ID,
  makeAssigned,
  makeCreated,
  makeMessage,
  makeMessageCreated,
  makeResolved,
  makeSummary,
  OTHER_CONVERSATION_ID,
} from './test-fixtures.ts';

function bodiesOf(store: ConversationStore): string[] {
  return store
    .listConversations()
    .flatMap((view) => view.entries)
    .map((entry) => (entry.kind === 'message' ? entry.message.body : entry.kind));
}

describe('ConversationStore', () => {
  it('applies events in seq order and starts a conversation from conversation.created', () => {
    const store = new ConversationStore();
    expect(store.apply(makeCreated())).toBe('applied');
    expect(store.apply(makeMessageCreated(2))).toBe('applied');
    expect(store.apply(makeAssigned(3))).toBe('applied');
    expect(store.apply(makeMessageCreated(4, { from: 'agent', body: 'hi there' }))).toBe('applied');

    expect(bodiesOf(store)).toEqual(['message 2', 'assigned', 'hi there']);
    expect(store.getLastSeq(CONVERSATION_ID)).toBe(4);
    expect(store.listConversations()[0]?.summary.assignee?.name).toBe('Alice');
    expect(store.getResume()).toEqual([{ conversationId: CONVERSATION_ID, lastSeq: 4 }]);
  });

  it('ignores duplicates (seq <= last) without changing anything', () => {
    const store = new ConversationStore();
    store.apply(makeCreated());
    store.apply(makeMessageCreated(2));
    expect(store.apply(makeMessageCreated(2))).toBe('duplicate');
    expect(store.apply(makeCreated())).toBe('duplicate');
    expect(bodiesOf(store)).toEqual(['message 2']);
  });

  it('reports a gap when a seq is skipped and does not apply the event', () => {
    const store = new ConversationStore();
    store.apply(makeCreated());
    expect(store.apply(makeMessageCreated(3))).toBe('gap');
    expect(store.getLastSeq(CONVERSATION_ID)).toBe(1);
    expect(bodiesOf(store)).toEqual([]);
  });

  it('reports a gap for an unknown conversation unless the event is its creation', () => {
    const store = new ConversationStore();
    expect(store.apply(makeMessageCreated(5))).toBe('gap');
    expect(store.has(CONVERSATION_ID)).toBe(false);
  });

  it('loads a REST page, sorted by seq, and continues from its last seq', () => {
    const store = new ConversationStore();
    store.load(makeSummary({ lastSeq: 4 }), [
      makeMessageCreated(3, { from: 'agent' }),
      makeCreated(),
      makeMessageCreated(4),
      makeMessageCreated(2),
    ]);
    expect(bodiesOf(store)).toEqual(['message 2', 'message 3', 'message 4']);
    expect(store.apply(makeMessageCreated(4))).toBe('duplicate');
    expect(store.apply(makeMessageCreated(5))).toBe('applied');
  });

  it('keeps the open conversation for sends and forgets it once resolved', () => {
    const store = new ConversationStore();
    store.apply(makeCreated());
    expect(store.getOpenConversationId()).toBe(CONVERSATION_ID);
    store.apply(makeResolved(2));
    expect(store.getOpenConversationId()).toBeNull();
    expect(bodiesOf(store)).toEqual(['resolved']);

    store.apply(makeCreated(OTHER_CONVERSATION_ID, '2026-01-02T00:00:00.000Z'));
    expect(store.getOpenConversationId()).toBe(OTHER_CONVERSATION_ID);
    expect(store.getResume()).toEqual([
      { conversationId: CONVERSATION_ID, lastSeq: 2 },
      { conversationId: OTHER_CONVERSATION_ID, lastSeq: 1 },
    ]);
  });

  it('holds an acked message until its event arrives, then drops the ack copy', () => {
    const store = new ConversationStore();
    store.apply(makeCreated());
    store.addAcked(makeMessage(2, { clientId: 'clientAAA1' }));
    expect(store.listAcked()).toHaveLength(1);
    expect(store.hasClientId('clientAAA1')).toBe(true);

    store.apply(makeMessageCreated(2, { clientId: 'clientAAA1' }));
    expect(store.listAcked()).toHaveLength(0);
    expect(store.hasClientId('clientAAA1')).toBe(true);
  });

  it('ignores an ack that arrives after its event was applied', () => {
    const store = new ConversationStore();
    store.apply(makeCreated());
    store.apply(makeMessageCreated(2, { clientId: 'clientAAA1' }));
    store.addAcked(makeMessage(2, { clientId: 'clientAAA1' }));
    expect(store.listAcked()).toHaveLength(0);
  });

  it('limits resume to the 200 newest conversations', () => {
    const store = new ConversationStore();
    for (let i = 0; i < 205; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      store.apply(makeCreated(id, new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString()));
    }
    const resume = store.getResume();
    expect(resume).toHaveLength(200);
    expect(resume[0]?.conversationId).toBe('00000000-0000-4000-8000-000000000005');
  });

  it('keeps the latest place in line while the conversation waits, and drops it once an agent is assigned', () => {
    const store = new ConversationStore();
    // A place may arrive before the conversation's first event: it is kept, shown once the conversation is known.
    store.setQueuePlace({ conversationId: CONVERSATION_ID, position: 3, estimatedWaitSeconds: 180 });
    expect(store.getQueuePlace(CONVERSATION_ID)).toBeNull();
    store.apply(makeCreated());
    expect(store.getQueuePlace(CONVERSATION_ID)).toEqual({
      conversationId: CONVERSATION_ID,
      position: 3,
      estimatedWaitSeconds: 180,
    });
    store.setQueuePlace({ conversationId: CONVERSATION_ID, position: 2, estimatedWaitSeconds: null });
    store.apply(makeMessageCreated(2));
    expect(store.getQueuePlace(CONVERSATION_ID)?.position).toBe(2);
    expect(store.getQueuePlace(OTHER_CONVERSATION_ID)).toBeNull();

    store.apply(makeAssigned(3));
    expect(store.getQueuePlace(CONVERSATION_ID)).toBeNull();
    // A late frame computed before the assignment does not bring the line back.
    store.setQueuePlace({ conversationId: CONVERSATION_ID, position: 1, estimatedWaitSeconds: 5 });
    expect(store.getQueuePlace(CONVERSATION_ID)).toBeNull();
  });

  it('forgets a place in line when the conversation is resolved, unassigned, cleared or loaded as assigned', () => {
    const store = new ConversationStore();
    store.apply(makeCreated());
    store.setQueuePlace({ conversationId: CONVERSATION_ID, position: 1, estimatedWaitSeconds: null });
    store.apply(makeResolved(2));
    expect(store.getQueuePlace(CONVERSATION_ID)).toBeNull();

    store.load(makeSummary({ lastSeq: 1 }), [makeCreated()]);
    store.setQueuePlace({ conversationId: CONVERSATION_ID, position: 4, estimatedWaitSeconds: null });
    expect(store.getQueuePlace(CONVERSATION_ID)?.position).toBe(4);
    store.load(makeSummary({ lastSeq: 2, assignee: { id: 'a', name: 'Alice' } }), [makeCreated(), makeAssigned(2)]);
    expect(store.getQueuePlace(CONVERSATION_ID)).toBeNull();

    store.load(makeSummary({ lastSeq: 1 }), [makeCreated()]);
    store.setQueuePlace({ conversationId: CONVERSATION_ID, position: 2, estimatedWaitSeconds: null });
    // Back in the queue: the old place is stale, the server sends the new one next.
    store.apply({
      type: 'conversation.unassigned',
      data: { conversationId: CONVERSATION_ID, seq: 2, at: '2026-01-01T10:03:00.000Z' },
    });
    expect(store.getQueuePlace(CONVERSATION_ID)).toBeNull();

    store.setQueuePlace({ conversationId: CONVERSATION_ID, position: 1, estimatedWaitSeconds: null });
    store.clear();
    store.apply(makeCreated());
    expect(store.getQueuePlace(CONVERSATION_ID)).toBeNull();
  });
});
