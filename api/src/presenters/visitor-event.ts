import type { ConversationEvent } from '../protocol/events.ts';

/**
 * What a visitor gets of a conversation event: everything but internal notes, whose seq they receive as
 * `conversation.seq_skipped` (no body, no author) so their copy stays contiguous by seq.
 * Every path to a visitor (socket live and replay, widget REST) goes through here.
 */
export function presentEventToVisitor(event: ConversationEvent): ConversationEvent {
  // Priority and team are for agents only: the visitor gets their seq and nothing else.
  const isHidden = event.type === 'conversation.priority_changed' || event.type === 'conversation.team_changed';
  if (!isHidden && (event.type !== 'message.created' || event.data.message.kind !== 'note')) return event;
  const { conversationId, seq, at } = event.data;
  return { type: 'conversation.seq_skipped', data: { conversationId, seq, at } };
}

export function presentEventsToVisitor(events: readonly ConversationEvent[]): ConversationEvent[] {
  return events.map(presentEventToVisitor);
}
