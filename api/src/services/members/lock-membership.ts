import type { Database, Role } from '@parley/db';
import type { Transaction } from 'kysely';
import { AppError } from '../../app-error.ts';
import { memberNotFound } from '../teams/not-found.ts';

export interface LockedMembership {
  role: Role;
  deactivatedAt: Date | null;
}

/**
 * Holds the workspace row until the transaction ends, so changes to its members run one after the other
 * (two owners demoting each other at once cannot leave none), then reads the member: 404 when the user is
 * not in this workspace, exactly like a missing one.
 */
export async function lockMembership(
  trx: Transaction<Database>,
  workspaceId: string,
  userId: string,
): Promise<LockedMembership> {
  await trx.selectFrom('workspaces').select('id').where('id', '=', workspaceId).forNoKeyUpdate().execute();
  const membership = await trx
    .selectFrom('memberships')
    .select(['role', 'deactivated_at'])
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!membership) throw memberNotFound();
  return { role: membership.role, deactivatedAt: membership.deactivated_at };
}

/** Refuses (409) a change that would leave the workspace without an active owner besides `userId`. */
export async function checkAnotherOwnerRemains(
  trx: Transaction<Database>,
  workspaceId: string,
  userId: string,
): Promise<void> {
  const other = await trx
    .selectFrom('memberships')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .where('deactivated_at', 'is', null)
    .where('user_id', '!=', userId)
    .limit(1)
    .executeTakeFirst();
  if (!other)
    throw new AppError('member/last_owner', 'A workspace needs an active owner. Make someone else an owner first.');
}
