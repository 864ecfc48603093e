import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { presentConversation } from '../../presenters/conversation.ts';
import type { ConversationSummary } from '../../protocol/entities.ts';
import { selectConversationRows } from '../conversations/queries.ts';
import { findVisitorOfWorkspace } from './load-visitor-profile.ts';

export const VISITOR_CONVERSATIONS_LIMIT = 50;

/** The visitor's conversations, newest first; 404 for another workspace's visitor. */
export async function loadVisitorConversations(
  db: Kysely<Database>,
  workspaceId: string,
  visitorId: string,
): Promise<ConversationSummary[]> {
  await findVisitorOfWorkspace(db, workspaceId, visitorId);
  const rows = await selectConversationRows(db)
    .where('c.workspace_id', '=', workspaceId)
    .where('c.visitor_id', '=', visitorId)
    .orderBy('c.created_at', 'desc')
    .limit(VISITOR_CONVERSATIONS_LIMIT)
    .execute();
  return rows.map(presentConversation);
}
