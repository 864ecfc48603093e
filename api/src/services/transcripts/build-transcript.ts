import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { notFound } from '../../app-error.ts';

/** The most messages a transcript holds; a longer conversation says so at its end. */
export const TRANSCRIPT_MESSAGE_LIMIT = 5000;

export interface TranscriptLine {
  senderType: 'visitor' | 'agent' | 'system';
  /** The agent's name; null for the visitor and the system. */
  senderName: string | null;
  body: string;
  createdAt: Date;
}

export interface Transcript {
  conversationId: string;
  inboxName: string;
  startedAt: Date;
  visitorEmail: string | null;
  lines: TranscriptLine[];
  isTruncated: boolean;
}

/**
 * The visitor's own conversation as its transcript: the messages visitors and agents exchanged (and
 * system notices shown in the chat), oldest first. Internal events (assignment, routing) stay out.
 * A conversation of another visitor or workspace answers conversation/not_found.
 */
export async function loadTranscript(
  db: Kysely<Database>,
  visitor: { visitorId: string; workspaceId: string },
  conversationId: string,
): Promise<Transcript> {
  const conversation = await db
    .selectFrom('conversations as c')
    .innerJoin('inboxes as i', 'i.id', 'c.inbox_id')
    .innerJoin('visitors as v', 'v.id', 'c.visitor_id')
    .select(['c.id', 'c.created_at', 'i.name as inbox_name', 'v.email'])
    .where('c.id', '=', conversationId)
    .where('c.workspace_id', '=', visitor.workspaceId)
    .where('c.visitor_id', '=', visitor.visitorId)
    .executeTakeFirst();
  if (!conversation) throw notFound('conversation');
  const rows = await db
    .selectFrom('messages as m')
    .leftJoin('users as u', (join) => join.onRef('u.id', '=', 'm.sender_id').on('m.sender_type', '=', 'agent'))
    .select(['m.sender_type', 'u.name', 'm.body', 'm.created_at'])
    .where('m.conversation_id', '=', conversationId)
    // Internal notes are for agents only.
    .where('m.kind', '=', 'reply')
    .orderBy('m.seq')
    .limit(TRANSCRIPT_MESSAGE_LIMIT + 1)
    .execute();
  return {
    conversationId: conversation.id,
    inboxName: conversation.inbox_name,
    startedAt: conversation.created_at,
    visitorEmail: conversation.email,
    lines: rows.slice(0, TRANSCRIPT_MESSAGE_LIMIT).map((row) => ({
      senderType: row.sender_type,
      senderName: row.name,
      body: row.body,
      createdAt: row.created_at,
    })),
    isTruncated: rows.length > TRANSCRIPT_MESSAGE_LIMIT,
  };
}
