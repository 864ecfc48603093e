import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { runTransaction } from '../run-transaction.ts';
import { visitorNotFound } from '../visitors/load-visitor-profile.ts';

/**
 * Deletes a visitor and everything of theirs in one statement: the database cascades to their tokens, page
 * views, conversations and, through those, messages (with their search vectors), events, labels and routing
 * decisions. The row lock waits for a send under way to that visitor to commit first. Answers the visitor's
 * inbox, whose queue may have changed.
 */
export async function deleteContact(
  db: Kysely<Database>,
  workspaceId: string,
  visitorId: string,
): Promise<{ inboxId: string }> {
  return runTransaction(db, async (trx) => {
    const locked = await trx
      .selectFrom('visitors')
      .select('inbox_id')
      .where('id', '=', visitorId)
      .where('workspace_id', '=', workspaceId)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) throw visitorNotFound();
    await trx.deleteFrom('visitors').where('id', '=', visitorId).execute();
    return { inboxId: locked.inbox_id };
  });
}
