import type { Database } from '@parley/db';
import { type Kysely, sql } from 'kysely';
import { CONTACT_PAGE_DEFAULT, type ContactList, type ContactListQuery } from '../../protocol/contact-rest.ts';
import { decodeContactCursor, encodeContactCursor } from './contact-cursor.ts';
import { isContact, matchesContactText } from './contact-filters.ts';
import { presentContactSummary } from './present-contact.ts';
import { selectContactRows } from './select-contact-rows.ts';

/** One page of the workspace's contacts, newest first; creation time never changes, so the cursor is stable. */
export async function listContacts(
  db: Kysely<Database>,
  workspaceId: string,
  query: ContactListQuery,
): Promise<ContactList> {
  const limit = query.limit ?? CONTACT_PAGE_DEFAULT;
  const text = query.q?.trim() ?? '';
  const after = query.cursor ? decodeContactCursor(query.cursor) : undefined;
  let select = selectContactRows(db, workspaceId)
    .select(
      sql<string>`to_char(visitors.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('cursor_at'),
    )
    .where(isContact);
  if (text) select = select.where((eb) => matchesContactText(eb, text));
  if (after)
    select = select.where((eb) =>
      eb(
        eb.refTuple('visitors.created_at', 'visitors.id'),
        '<',
        eb.tuple(sql<Date>`${after.createdAt}::timestamptz`, after.id),
      ),
    );
  const rows = await select
    .orderBy('visitors.created_at', 'desc')
    .orderBy('visitors.id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    contacts: page.map((row) => presentContactSummary({ ...row, conversation_count: row.conversation_count ?? 0 })),
    nextCursor: rows.length > limit && last ? encodeContactCursor({ createdAt: last.cursor_at, id: last.id }) : null,
  };
}
