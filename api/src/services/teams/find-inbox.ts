import type { Database } from '@parley/db';
import type { Kysely, Transaction } from 'kysely';
import { notFound } from '../../app-error.ts';

/** Checks the inbox is the workspace's (404 `inbox/not_found` otherwise). */
export async function checkInboxOfWorkspace(db: Kysely<Database>, workspaceId: string, inboxId: string): Promise<void> {
  const inbox = await db
    .selectFrom('inboxes')
    .select('id')
    .where('id', '=', inboxId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!inbox) throw notFound('inbox');
}

/**
 * Like checkInboxOfWorkspace, and holds the inbox row until the transaction ends, so two replacements of
 * its members or rules run one after the other. (No key update: new conversations of the inbox may still be inserted.)
 */
export async function lockInboxOfWorkspace(
  trx: Transaction<Database>,
  workspaceId: string,
  inboxId: string,
): Promise<void> {
  const inbox = await trx
    .selectFrom('inboxes')
    .select('id')
    .where('id', '=', inboxId)
    .where('workspace_id', '=', workspaceId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!inbox) throw notFound('inbox');
}
