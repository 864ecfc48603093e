import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { notFound } from '../../app-error.ts';
import { presentConversation } from '../../presenters/conversation.ts';
import { presentSummaryToVisitor } from '../../presenters/conversation-to-visitor.ts';
import { presentEventsToVisitor } from '../../presenters/visitor-event.ts';
import type { ConversationDetail } from '../../protocol/rest.ts';
import { loadEventPage } from './load-events.ts';
import { selectConversationRows } from './queries.ts';

/** Who is asking: an agent sees their workspace's conversations, a visitor only their own. */
export type ConversationReader = { workspaceId: string; visitorId?: string };

/** A conversation and a page of its events, or conversation/not_found when it is missing or not the reader's. */
export async function loadConversationDetail(
  db: Kysely<Database>,
  reader: ConversationReader,
  conversationId: string,
  page: { beforeSeq?: number; limit?: number },
): Promise<ConversationDetail> {
  let query = selectConversationRows(db)
    .where('c.id', '=', conversationId)
    .where('c.workspace_id', '=', reader.workspaceId);
  if (reader.visitorId) query = query.where('c.visitor_id', '=', reader.visitorId);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('conversation');
  const { events, hasMore } = await loadEventPage(db, { id: row.id, lastSeq: row.last_seq }, page);
  return {
    conversation: reader.visitorId ? presentSummaryToVisitor(presentConversation(row)) : presentConversation(row),
    events: reader.visitorId ? presentEventsToVisitor(events) : events,
    hasMore,
  };
}
