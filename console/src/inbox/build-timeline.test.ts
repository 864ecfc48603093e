import type { ConversationEvent } from '@parley/api/protocol';
import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../realtime/outbox.ts';
import { AGENT, atSecond, CONVERSATION_ID, makeCreated, makeMessageEvent } from '../realtime/test-fixtures.ts';
import { buildTimeline } from './build-timeline.ts';

function makeOutboxItem(clientId: string, conversationId = CONVERSATION_ID): OutboxItem {
  return { clientId, conversationId, body: 'pending', createdAt: atSecond(9), status: 'pending', error: null };
}

describe('buildTimeline', () => {
  it('turns events into messages and system lines in seq order', () => {
    const events: ConversationEvent[] = [
      makeCreated(),
      makeMessageEvent(2),
      {
        type: 'conversation.assigned',
        data: { conversationId: CONVERSATION_ID, seq: 3, at: atSecond(3), assignee: AGENT },
      },
      { type: 'conversation.resolved', data: { conversationId: CONVERSATION_ID, seq: 4, at: atSecond(4), by: AGENT } },
      { type: 'conversation.resolved', data: { conversationId: CONVERSATION_ID, seq: 5, at: atSecond(5), by: null } },
    ];
    const items = buildTimeline(events, [], CONVERSATION_ID);
    expect(items.map((item) => (item.kind === 'system' ? item.text : item.kind))).toEqual([
      'Conversation started',
      'message',
      'Assigned to Ann',
      'Resolved by Ann',
      'Resolved',
    ]);
  });

  it('appends pending sends of this conversation only, without duplicates', () => {
    const events = [makeCreated(), makeMessageEvent(2, { clientId: 'delivered1' })];
    const outbox = [
      makeOutboxItem('delivered1'),
      makeOutboxItem('waiting01'),
      makeOutboxItem('elsewhere', '0190a000-0000-7000-8000-000000000009'),
    ];
    const items = buildTimeline(events, outbox, CONVERSATION_ID);
    expect(items.map((item) => item.key)).toEqual(['seq-1', 'seq-2', 'out-waiting01']);
  });

  it('shows system-sent messages as system lines', () => {
    const events = [makeMessageEvent(2, { sender: { type: 'system', id: null, name: null }, body: 'Bot says hi' })];
    expect(buildTimeline(events, [], CONVERSATION_ID)[0]).toMatchObject({ kind: 'system', text: 'Bot says hi' });
  });
});
