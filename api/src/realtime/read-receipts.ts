import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../app-error.ts';

/** Who says they read: a visitor reads only their own conversations, an agent those of their workspace. */
export type ReadReceiptReader = { workspaceId: string; visitorId?: string };

export interface ReadReceiptOutcome {
  /** The seq now stored for this side. */
  seq: number;
  /** False when the stored seq was already at or past the one given: nobody needs telling. */
  changed: boolean;
  visitorId: string;
}

/**
 * Raises the reader side's read seq to `seq` in one statement: never lowers it (concurrent reads
 * settle on the highest), never past the conversation's last seq (conversation/seq_out_of_range).
 */
export async function markConversationRead(
  db: Kysely<Database>,
  reader: ReadReceiptReader,
  conversationId: string,
  seq: number,
): Promise<ReadReceiptOutcome> {
  const column = reader.visitorId ? 'visitor_read_seq' : 'agent_read_seq';
  let update = db
    .updateTable('conversations')
    .set({ [column]: seq })
    .where('id', '=', conversationId)
    .where('workspace_id', '=', reader.workspaceId)
    .where('last_seq', '>=', seq)
    .where(column, '<', seq);
  if (reader.visitorId) update = update.where('visitor_id', '=', reader.visitorId);
  const updated = await update.returning('visitor_id').executeTakeFirst();
  if (updated) return { seq, changed: true, visitorId: updated.visitor_id };

  let select = db
    .selectFrom('conversations')
    .select(['last_seq', 'visitor_id', `${column} as read_seq`])
    .where('id', '=', conversationId)
    .where('workspace_id', '=', reader.workspaceId);
  if (reader.visitorId) select = select.where('visitor_id', '=', reader.visitorId);
  const row = await select.executeTakeFirst();
  if (!row) throw notFound('conversation');
  if (seq > row.last_seq)
    throw new AppError(
      'conversation/seq_out_of_range',
      `seq ${seq} is past the conversation's last seq ${row.last_seq}.`,
    );
  return { seq: row.read_seq, changed: false, visitorId: row.visitor_id };
}
