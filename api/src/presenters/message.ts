import type { ActorType } from '@parley/db';
import type { Message } from '../protocol/entities.ts';
import type { ConversationEvent } from '../protocol/events.ts';

export interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  client_id: string | null;
  sender_type: ActorType;
  sender_id: string | null;
  sender_name: string | null;
  body: string;
  created_at: Date;
}

export function presentMessage(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    clientId: row.client_id,
    sender: { type: row.sender_type, id: row.sender_id, name: row.sender_type === 'agent' ? row.sender_name : null },
    body: row.body,
    createdAt: row.created_at.toISOString(),
  };
}

export function messageCreatedEvent(row: MessageRow): ConversationEvent {
  const message = presentMessage(row);
  return {
    type: 'message.created',
    data: { conversationId: message.conversationId, seq: message.seq, at: message.createdAt, message },
  };
}
