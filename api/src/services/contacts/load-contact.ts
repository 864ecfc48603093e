import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import type { ContactDetail } from '../../protocol/contact-rest.ts';
import { loadVisitorConversations } from '../visitors/load-visitor-conversations.ts';
import { visitorNotFound } from '../visitors/load-visitor-profile.ts';
import { presentContactSummary } from './present-contact.ts';
import { selectContactRows } from './select-contact-rows.ts';

/** Any visitor of the workspace by id (also one not listed yet); another workspace's answers like a missing one. */
export async function loadContact(
  db: Kysely<Database>,
  workspaceId: string,
  visitorId: string,
): Promise<ContactDetail> {
  const row = await selectContactRows(db, workspaceId).where('visitors.id', '=', visitorId).executeTakeFirst();
  if (!row) throw visitorNotFound();
  const conversations = await loadVisitorConversations(db, workspaceId, visitorId);
  return {
    ...presentContactSummary({ ...row, conversation_count: row.conversation_count ?? 0 }),
    attributes: row.attributes ?? {},
    conversations,
  };
}
