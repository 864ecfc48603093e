import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { runTransaction } from '../run-transaction.ts';
import { checkWorkspaceMembers } from './check-workspace-members.ts';
import { lockInboxOfWorkspace } from './find-inbox.ts';

/** Who answers the inbox (only people still in its workspace), by user id. */
export async function loadInboxMemberIds(
  db: Kysely<Database>,
  workspaceId: string,
  inboxId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('inbox_members as im')
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.user_id', '=', 'im.user_id').on('m.workspace_id', '=', workspaceId),
    )
    .select('im.user_id')
    .where('im.inbox_id', '=', inboxId)
    .orderBy('im.user_id')
    .execute();
  return rows.map((row) => row.user_id);
}

/** Replaces who answers the inbox; every one must be a member of the workspace (400 otherwise). */
export function replaceInboxMembers(
  db: Kysely<Database>,
  workspaceId: string,
  inboxId: string,
  userIds: readonly string[],
): Promise<void> {
  return runTransaction(db, async (trx) => {
    await lockInboxOfWorkspace(trx, workspaceId, inboxId);
    await checkWorkspaceMembers(trx, workspaceId, userIds, 'userIds');
    await trx.deleteFrom('inbox_members').where('inbox_id', '=', inboxId).execute();
    if (userIds.length > 0) {
      await trx
        .insertInto('inbox_members')
        .values(userIds.map((userId) => ({ inbox_id: inboxId, user_id: userId })))
        .execute();
    }
  });
}
