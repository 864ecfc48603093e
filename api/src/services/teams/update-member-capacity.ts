import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { runTransaction } from '../run-transaction.ts';
import { memberNotFound } from './not-found.ts';

/**
 * Sets a member's capacity (null = the inbox's default). Returns whether the change could let them take
 * more conversations than before (then waiting conversations should be routed again).
 */
export function updateMemberCapacity(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
  capacity: number | null,
): Promise<{ couldTakeMore: boolean }> {
  return runTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom('memberships')
      .select('capacity')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .forNoKeyUpdate()
      .executeTakeFirst();
    if (!before) throw memberNotFound();
    await trx
      .updateTable('memberships')
      .set({ capacity })
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .execute();
    // null means the inbox's default, which may be higher than any number set before.
    const couldTakeMore = capacity === null || before.capacity === null || capacity > before.capacity;
    return { couldTakeMore: couldTakeMore && capacity !== before.capacity };
  });
}
