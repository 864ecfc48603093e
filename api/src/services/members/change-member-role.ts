import type { Database, Role } from '@parley/db';
import type { Kysely } from 'kysely';
import type { AgentPrincipal } from '../../plugins/agent-auth.ts';
import { runTransaction } from '../run-transaction.ts';
import { checkAnotherOwnerRemains, lockMembership } from './lock-membership.ts';
import { checkCanGiveRole } from './member-permissions.ts';

/** Gives a member another role (see member-permissions.ts); the last active owner stays an owner. */
export function changeMemberRole(
  db: Kysely<Database>,
  actor: AgentPrincipal,
  userId: string,
  role: Role,
): Promise<void> {
  return runTransaction(db, async (trx) => {
    const target = await lockMembership(trx, actor.workspaceId, userId);
    checkCanGiveRole(actor.role, target.role, role);
    if (target.role === role) return;
    if (target.role === 'owner') await checkAnotherOwnerRemains(trx, actor.workspaceId, userId);
    await trx
      .updateTable('memberships')
      .set({ role })
      .where('workspace_id', '=', actor.workspaceId)
      .where('user_id', '=', userId)
      .execute();
  });
}
