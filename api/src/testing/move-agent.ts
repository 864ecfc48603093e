import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';

/** Makes an agent a member (role agent) of another workspace and of its inboxes: there is no invitation route yet. */
export async function moveAgentToWorkspace(db: Kysely<Database>, userId: string, workspaceId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('memberships').where('user_id', '=', userId).execute();
    await trx.insertInto('memberships').values({ workspace_id: workspaceId, user_id: userId, role: 'agent' }).execute();
    await trx.deleteFrom('inbox_members').where('user_id', '=', userId).execute();
    await trx
      .insertInto('inbox_members')
      .columns(['inbox_id', 'user_id'])
      .expression((eb) =>
        eb
          .selectFrom('inboxes')
          .select((s) => ['id', s.val(userId).as('user_id')])
          .where('workspace_id', '=', workspaceId),
      )
      .execute();
  });
}
