import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { presentLastMessage } from '../../presenters/message-preview.ts';
import type { WidgetConversation } from '../../protocol/csat-rest.ts';

export const WIDGET_CONVERSATIONS_LIMIT = 50;

/** The visitor's own conversations in their inbox, newest first, with the last message and their rating. */
export async function loadWidgetConversations(
  db: Kysely<Database>,
  visitor: { visitorId: string; workspaceId: string; inboxId: string },
): Promise<WidgetConversation[]> {
  const rows = await db
    .selectFrom('conversations as c')
    .leftJoin('conversation_ratings as r', 'r.conversation_id', 'c.id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('messages as m')
          .select(['m.body', 'm.sender_type', 'm.created_at'])
          .whereRef('m.conversation_id', '=', 'c.id')
          .where('m.kind', '=', 'reply')
          .orderBy('m.seq', 'desc')
          .limit(1)
          .as('lm'),
      (join) => join.onTrue(),
    )
    .select([
      'c.id',
      'c.status',
      'c.created_at',
      'c.updated_at',
      'r.rating',
      'lm.body',
      'lm.sender_type',
      'lm.created_at as last_at',
    ])
    .where('c.workspace_id', '=', visitor.workspaceId)
    .where('c.inbox_id', '=', visitor.inboxId)
    .where('c.visitor_id', '=', visitor.visitorId)
    .orderBy('c.created_at', 'desc')
    .limit(WIDGET_CONVERSATIONS_LIMIT)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    lastMessage:
      row.body !== null && row.sender_type !== null && row.last_at !== null
        ? presentLastMessage(row.body, row.sender_type, row.last_at.toISOString())
        : null,
    rating: row.rating ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }));
}
