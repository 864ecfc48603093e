import type { ConversationEvent as ConversationEventRow } from '@parley/db';
import type { ConversationEvent } from '../protocol/events.ts';

/** A stored non-message event: its type plus the fields kept in `data`. */
export function presentConversationEvent(row: ConversationEventRow): ConversationEvent {
  return {
    type: row.type,
    data: { ...row.data, conversationId: row.conversation_id, seq: row.seq, at: row.created_at.toISOString() },
  } as ConversationEvent;
}
