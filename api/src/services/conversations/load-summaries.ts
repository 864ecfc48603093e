import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { presentConversation } from '../../presenters/conversation.ts';
import type { ConversationSummary } from '../../protocol/entities.ts';
import { selectConversationRows } from './queries.ts';

/** The current summaries of these conversations of the workspace (ids of other workspaces are left out). */
export async function loadConversationSummaries(
  db: Kysely<Database>,
  workspaceId: string,
  conversationIds: readonly string[],
): Promise<ConversationSummary[]> {
  if (conversationIds.length === 0) return [];
  const rows = await selectConversationRows(db)
    .where('c.workspace_id', '=', workspaceId)
    .where('c.id', 'in', conversationIds)
    .execute();
  return rows.map(presentConversation);
}
