import type { Database } from '@parley/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import { AppError } from '../../app-error.ts';
import { runTransaction } from '../run-transaction.ts';
import { visitorNotFound } from '../visitors/load-visitor-profile.ts';
import { PAGE_VIEWS_KEPT } from '../visitors/record-visitor-device.ts';

/**
 * Folds `otherId` into `survivorId`, in one transaction: conversations (and the visitor's messages in them),
 * page views and tokens move over, so the other visitor's devices now open the survivor's chat; the survivor
 * keeps its own name, email and attribute values and takes the other's where it has none, and a verified
 * identity on either side. Then the other visitor row is deleted.
 */
export async function mergeContacts(
  db: Kysely<Database>,
  workspaceId: string,
  survivorId: string,
  otherId: string,
): Promise<void> {
  if (survivorId === otherId) throw new AppError('contact/same_contact', 'A contact cannot be merged into itself.');
  await runTransaction(db, async (trx) => {
    const rows = await trx
      .selectFrom('visitors')
      .select(['id', 'inbox_id', 'external_id', 'is_verified'])
      .where('id', 'in', [survivorId, otherId])
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .forUpdate()
      .execute();
    const survivor = rows.find((row) => row.id === survivorId);
    const other = rows.find((row) => row.id === otherId);
    if (!survivor || !other) throw visitorNotFound();
    if (survivor.inbox_id !== other.inbox_id)
      throw new AppError('contact/inbox_mismatch', 'Only contacts of the same inbox can be merged.');
    if (survivor.external_id && other.external_id && survivor.external_id !== other.external_id)
      throw new AppError(
        'contact/identity_conflict',
        'Both contacts are verified as different users of the site; they cannot be merged.',
      );
    await moveBelongings(trx, survivorId, otherId);
    await takeOverFacts(trx, survivorId, otherId);
  });
}

async function moveBelongings(trx: Transaction<Database>, survivorId: string, otherId: string): Promise<void> {
  await trx.updateTable('conversations').set({ visitor_id: survivorId }).where('visitor_id', '=', otherId).execute();
  await trx
    .updateTable('messages')
    .set({ sender_id: survivorId })
    .where('sender_type', '=', 'visitor')
    .where('sender_id', '=', otherId)
    .execute();
  await trx.updateTable('visitor_tokens').set({ visitor_id: survivorId }).where('visitor_id', '=', otherId).execute();
  await trx
    .updateTable('visitor_page_views')
    .set({ visitor_id: survivorId })
    .where('visitor_id', '=', otherId)
    .execute();
  await trx
    .deleteFrom('visitor_page_views')
    .where('visitor_id', '=', survivorId)
    .where(
      'id',
      'not in',
      trx
        .selectFrom('visitor_page_views')
        .select('id')
        .where('visitor_id', '=', survivorId)
        .orderBy('viewed_at', 'desc')
        .limit(PAGE_VIEWS_KEPT),
    )
    .execute();
}

/** The other row goes first: the survivor may take its user id, which is unique per inbox. */
async function takeOverFacts(trx: Transaction<Database>, survivorId: string, otherId: string): Promise<void> {
  const other = await trx
    .deleteFrom('visitors')
    .where('id', '=', otherId)
    .returning([
      'name',
      'email',
      'external_id',
      'is_verified',
      'attributes',
      'last_seen_at',
      'page_url',
      'page_title',
      'user_agent',
      'time_zone',
      'language',
    ])
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('visitors')
    .set((eb) => ({
      name: eb.fn.coalesce('name', eb.val(other.name)),
      email: eb.fn.coalesce('email', eb.val(other.email)),
      external_id: eb.fn.coalesce('external_id', eb.val(other.external_id)),
      is_verified: sql<boolean>`is_verified or ${other.is_verified}`,
      attributes: sql<string>`${JSON.stringify(other.attributes ?? {})}::jsonb || attributes`,
      last_seen_at: sql<Date>`greatest(last_seen_at, ${other.last_seen_at})`,
      page_url: eb.fn.coalesce('page_url', eb.val(other.page_url)),
      page_title: eb.fn.coalesce('page_title', eb.val(other.page_title)),
      user_agent: eb.fn.coalesce('user_agent', eb.val(other.user_agent)),
      time_zone: eb.fn.coalesce('time_zone', eb.val(other.time_zone)),
      language: eb.fn.coalesce('language', eb.val(other.language)),
    }))
    .where('id', '=', survivorId)
    .execute();
}
