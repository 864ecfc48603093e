import { describe, expect, it } from 'vitest';
import { ConversationStore } from './conversation-store.ts';
import type { OutboxEntry } from './outbox.ts';
import { makeAssigned, makeCreated, makeMessage, makeMessageCreated, makeResolved } from './test-fixtures.ts';
import { buildTimeline } from './timeline.ts';

function pendingEntry(clientId: string, body: string, status: OutboxEntry['status'] = 'pending'): OutboxEntry {
  return { clientId, body, createdAt: '2026-01-01T11:00:00.000Z', status };
}

describe('buildTimeline', () => {
  it('lists stored events in seq order, then pending sends', () => {
    const store = new ConversationStore();
    store.apply(makeCreated());
    store.apply(makeMessageCreated(2, { body: 'hello' }));
    store.apply(makeAssigned(3));
    store.apply(makeMessageCreated(4, { from: 'agent', body: 'hi!' }));
    store.apply(makeMessageCreated(5, { from: 'system', body: 'Rated 5 stars' }));
    store.apply(makeResolved(6));

    const items = buildTimeline(store.listConversations(), store.listAcked(), [pendingEntry('pendingAA1', 'later')]);
    expect(
      items.map((item) => (item.kind === 'message' ? `${item.sender}:${item.body}:${item.status}` : item.notice)),
    ).toEqual(['visitor:hello:sent', 'assigned', 'agent:hi!:sent', 'system', 'resolved', 'visitor:later:pending']);
  });

  it('never shows a message twice: an outbox entry hides once its clientId is acked or stored', () => {
    const store = new ConversationStore();
    store.apply(makeCreated());
    const outbox = [pendingEntry('clientAAA1', 'one'), pendingEntry('clientBBB2', 'two', 'failed')];

    store.addAcked(makeMessage(2, { clientId: 'clientAAA1', body: 'one' }));
    let items = buildTimeline(store.listConversations(), store.listAcked(), outbox);
    expect(items.map((item) => item.kind === 'message' && [item.body, item.status, item.seq])).toEqual([
      ['one', 'sent', 2],
      ['two', 'failed', null],
    ]);

    store.apply(makeMessageCreated(2, { clientId: 'clientAAA1', body: 'one' }));
    items = buildTimeline(store.listConversations(), store.listAcked(), outbox);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ key: 'c:clientAAA1', status: 'sent', seq: 2 });
  });
});
