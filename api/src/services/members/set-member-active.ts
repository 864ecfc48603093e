import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { AppError } from '../../app-error.ts';
import type { AgentPrincipal } from '../../plugins/agent-auth.ts';
import { runTransaction } from '../run-transaction.ts';
import { checkAnotherOwnerRemains, lockMembership } from './lock-membership.ts';
import { checkCanManageMember } from './member-permissions.ts';

/**
 * Deactivates a member: they cannot sign in, every session of theirs is deleted (REST answers 401 at
 * once), and routing no longer offers them conversations. Returns whether anything changed; closing their
 * sockets and returning their conversations to the queue is the caller's, after the commit.
 */
export function deactivateMember(db: Kysely<Database>, actor: AgentPrincipal, userId: string): Promise<boolean> {
  return runTransaction(db, async (trx) => {
    const target = await lockMembership(trx, actor.workspaceId, userId);
    checkCanManageMember(actor.role, target.role);
    if (userId === actor.userId)
      throw new AppError('member/self_deactivation', 'You cannot deactivate yourself. Ask another owner or admin.');
    if (target.deactivatedAt) return false;
    if (target.role === 'owner') await checkAnotherOwnerRemains(trx, actor.workspaceId, userId);
    await trx
      .updateTable('memberships')
      .set({ deactivated_at: new Date() })
      .where('workspace_id', '=', actor.workspaceId)
      .where('user_id', '=', userId)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    return true;
  });
}

/** Lets a deactivated member sign in again (with the password they had). */
export function reactivateMember(db: Kysely<Database>, actor: AgentPrincipal, userId: string): Promise<void> {
  return runTransaction(db, async (trx) => {
    const target = await lockMembership(trx, actor.workspaceId, userId);
    checkCanManageMember(actor.role, target.role);
    await trx
      .updateTable('memberships')
      .set({ deactivated_at: null })
      .where('workspace_id', '=', actor.workspaceId)
      .where('user_id', '=', userId)
      .execute();
  });
}

/** Whether the user may sign in: a member of some workspace who is not deactivated there. */
export async function hasActiveMembership(db: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('workspace_id')
    .where('user_id', '=', userId)
    .where('deactivated_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
