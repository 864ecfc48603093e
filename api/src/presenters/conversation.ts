import type { ActorType, ConversationStatus } from '@parley/db';
import type { ConversationSummary } from '../protocol/entities.ts';
import { presentLastMessage } from './message-preview.ts';
import { levelToPriority } from './priority-level.ts';

export interface ConversationRow {
  id: string;
  inbox_id: string;
  status: ConversationStatus;
  priority: number;
  snoozed_until: Date | null;
  assignee_id: string | null;
  assignee_name: string | null;
  /** Absent where a row is built without it (the summary then carries no teamId). */
  team_id?: string | null;
  /** The participants' user ids, oldest first; absent where a row is built without them. */
  participant_ids?: string[] | null;
  visitor_id: string;
  visitor_name: string | null;
  visitor_email: string | null;
  last_seq: number;
  /** Read receipts; absent where a row is built without them (read as 0). */
  visitor_read_seq?: number;
  agent_read_seq?: number;
  last_body: string | null;
  last_sender_type: ActorType | null;
  last_message_at: Date | null;
  /** The visitor's CSAT; absent or null until they rate. */
  rating?: number | null;
  created_at: Date;
  updated_at: Date;
}

export function presentConversation(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    inboxId: row.inbox_id,
    status: row.status,
    priority: levelToPriority(row.priority),
    snoozedUntil: row.snoozed_until?.toISOString() ?? null,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    ...(row.team_id !== undefined ? { teamId: row.team_id } : {}),
    ...(row.participant_ids ? { participantIds: row.participant_ids } : {}),
    visitor: { id: row.visitor_id, name: row.visitor_name, email: row.visitor_email },
    lastSeq: row.last_seq,
    readUpTo: { visitor: row.visitor_read_seq ?? 0, agents: row.agent_read_seq ?? 0 },
    lastMessage:
      row.last_body !== null && row.last_sender_type && row.last_message_at
        ? presentLastMessage(row.last_body, row.last_sender_type, row.last_message_at.toISOString())
        : null,
    ...(row.rating ? { rating: row.rating } : {}),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
