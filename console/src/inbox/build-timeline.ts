import type { ConversationEvent, Message } from '@parley/api/protocol';
import type { OutboxItem } from '../realtime/outbox.ts';
import { describeStatusEvent } from './status-event-text.ts';
import { describeTeamEvent } from './team-event-text.ts';

export type TimelineItem =
  | { kind: 'message'; key: string; seq: number; message: Message }
  | { kind: 'outgoing'; key: string; item: OutboxItem }
  | { kind: 'system'; key: string; seq: number; text: string; at: string }
  | { kind: 'rating'; key: string; seq: number; rating: number; comment: string | null; at: string };

/**
 * The rows of a conversation: held events in seq order, then this conversation's unacknowledged
 * sends (skipping any whose clientId already arrived, so nothing shows twice).
 */
export function buildTimeline(
  events: readonly ConversationEvent[],
  outbox: readonly OutboxItem[],
  conversationId: string,
): TimelineItem[] {
  const items: TimelineItem[] = [];
  const deliveredClientIds = new Set<string>();
  for (const event of events) {
    const item = toTimelineItem(event);
    if (item) items.push(item);
    if (event.type === 'message.created' && event.data.message.clientId) {
      deliveredClientIds.add(event.data.message.clientId);
    }
  }
  for (const item of outbox) {
    if (item.conversationId !== conversationId || deliveredClientIds.has(item.clientId)) continue;
    items.push({ kind: 'outgoing', key: `out-${item.clientId}`, item });
  }
  return items;
}

function toTimelineItem(event: ConversationEvent): TimelineItem | null {
  const { seq, at } = event.data;
  const key = `seq-${seq}`;
  switch (event.type) {
    case 'message.created': {
      const { message } = event.data;
      if (message.sender.type === 'system') return { kind: 'system', key, seq, text: message.body, at };
      return { kind: 'message', key, seq, message };
    }
    case 'conversation.created':
      return { kind: 'system', key, seq, text: 'Conversation started', at };
    case 'conversation.assigned':
      return { kind: 'system', key, seq, text: `Assigned to ${event.data.assignee.name}`, at };
    case 'conversation.unassigned':
      return { kind: 'system', key, seq, text: 'Unassigned', at };
    case 'conversation.resolved':
      return { kind: 'system', key, seq, text: event.data.by ? `Resolved by ${event.data.by.name}` : 'Resolved', at };
    case 'conversation.reopened':
      return { kind: 'system', key, seq, text: 'Reopened', at };
    case 'conversation.rated':
      return { kind: 'rating', key, seq, rating: event.data.rating, comment: event.data.comment, at };
    case 'conversation.seq_skipped':
      return null;
    case 'conversation.status_changed':
    case 'conversation.priority_changed':
      return { kind: 'system', key, seq, text: describeStatusEvent(event), at };
    case 'conversation.team_changed':
      return { kind: 'system', key, seq, text: describeTeamEvent(event), at };
  }
}
