import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { AppError } from '../../app-error.ts';

/** Refuses (400) a list of user ids unless every one is a member of the workspace; `field` names the list in the message. */
export async function checkWorkspaceMembers(
  db: Kysely<Database>,
  workspaceId: string,
  userIds: readonly string[],
  field: string,
): Promise<void> {
  if (userIds.length === 0) return;
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', 'in', userIds)
    .execute();
  const members = new Set(rows.map((row) => row.user_id));
  const strangers = userIds.filter((id) => !members.has(id));
  if (strangers.length > 0)
    throw new AppError('request/invalid', `body ${field}: not members of this workspace: ${strangers.join(', ')}.`);
}
