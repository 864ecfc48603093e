import type { ActorType, MessageAttachmentMeta, MessageKind } from '@parley/db';
import type { Message } from '../protocol/entities.ts';
import type { ConversationEvent } from '../protocol/events.ts';
import { presentAttachment } from '../services/attachments/present-attachment.ts';

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
  /** Absent from rows of the append fast paths, which store replies only. */
  kind?: MessageKind;
  /** Absent from the fast paths' rows too: they never carry attachments. */
  attachments?: MessageAttachmentMeta[] | null;
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
    ...(row.kind === 'note' ? { kind: 'note' as const } : {}),
    ...(row.attachments?.length ? { attachments: row.attachments.map(presentAttachment) } : {}),
  };
}

export function messageCreatedEvent(row: MessageRow): ConversationEvent {
  const message = presentMessage(row);
  return {
    type: 'message.created',
    data: { conversationId: message.conversationId, seq: message.seq, at: message.createdAt, message },
  };
}
