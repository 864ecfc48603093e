import type { Database, Inbox } from '@parley/db';
import type { Kysely } from 'kysely';
import { presentConversation } from '../../presenters/conversation.ts';
import type { WidgetSession } from '../../protocol/rest.ts';
import { generateToken, hashToken } from '../auth/tokens.ts';
import { loadEventPage } from '../conversations/load-events.ts';
import { selectConversationRows } from '../conversations/queries.ts';
import { findVisitorByToken } from './visitor-access.ts';

/** The visitor the token names in this inbox, or a new one; with their open conversation and its newest events. */
export async function startVisitorSession(
  db: Kysely<Database>,
  inbox: Pick<Inbox, 'id' | 'workspace_id'>,
  token: string | undefined,
  facts: { pageUrl?: string; language?: string } = {},
): Promise<WidgetSession> {
  const known = token ? await findVisitorByToken(db, token) : undefined;
  const isSameInbox = known?.inboxId === inbox.id;
  let visitorId: string;
  let visitorToken: string;
  if (known && token && isSameInbox) {
    visitorId = known.visitorId;
    visitorToken = token;
    await db
      .updateTable('visitors')
      .set({ last_seen_at: new Date(), page_url: facts.pageUrl ?? null, language: facts.language ?? null })
      .where('id', '=', visitorId)
      .execute();
  } else {
    visitorToken = generateToken();
    const row = await db
      .insertInto('visitors')
      .values({
        workspace_id: inbox.workspace_id,
        inbox_id: inbox.id,
        token_hash: hashToken(visitorToken),
        page_url: facts.pageUrl ?? null,
        language: facts.language ?? null,
        name: null,
        email: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    visitorId = row.id;
  }
  const open = await selectConversationRows(db)
    .where('c.visitor_id', '=', visitorId)
    .where('c.status', '=', 'open')
    .orderBy('c.created_at', 'desc')
    .executeTakeFirst();
  if (!open) return { visitorId, token: visitorToken, conversation: null, events: [] };
  const { events } = await loadEventPage(db, { id: open.id, lastSeq: open.last_seq }, { limit: 100 });
  return { visitorId, token: visitorToken, conversation: presentConversation(open), events };
}
