import type { ActorType, ConversationStatus } from '@parley/db';
import type { ConversationSummary } from '../protocol/entities.ts';

export interface ConversationRow {
  id: string;
  inbox_id: string;
  status: ConversationStatus;
  assignee_id: string | null;
  assignee_name: string | null;
  visitor_id: string;
  visitor_name: string | null;
  visitor_email: string | null;
  last_seq: number;
  last_body: string | null;
  last_sender_type: ActorType | null;
  last_message_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export function presentConversation(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    inboxId: row.inbox_id,
    status: row.status,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    visitor: { id: row.visitor_id, name: row.visitor_name, email: row.visitor_email },
    lastSeq: row.last_seq,
    lastMessage:
      row.last_body !== null && row.last_sender_type && row.last_message_at
        ? { body: row.last_body, senderType: row.last_sender_type, createdAt: row.last_message_at.toISOString() }
        : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
