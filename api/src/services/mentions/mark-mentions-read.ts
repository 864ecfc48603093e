import type { Database } from '@parley/db';
import { type Kysely, sql } from 'kysely';

/**
 * Marks the reader's mentions read: those named (ids of anyone else's are ignored), or all when `ids` is
 * absent. Returns how many changed.
 */
export async function markMentionsRead(
  db: Kysely<Database>,
  reader: { workspaceId: string; userId: string },
  ids?: readonly string[],
): Promise<number> {
  let query = db
    .updateTable('mentions')
    .set({ read_at: sql<Date>`now()` })
    .where('workspace_id', '=', reader.workspaceId)
    .where('user_id', '=', reader.userId)
    .where('read_at', 'is', null);
  if (ids) query = query.where('id', 'in', ids);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Marks read the reader's mentions in one conversation (they opened it). */
export async function markConversationMentionsRead(
  db: Kysely<Database>,
  reader: { workspaceId: string; userId: string },
  conversationId: string,
): Promise<number> {
  const result = await db
    .updateTable('mentions')
    .set({ read_at: sql<Date>`now()` })
    .where('workspace_id', '=', reader.workspaceId)
    .where('user_id', '=', reader.userId)
    .where('conversation_id', '=', conversationId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
