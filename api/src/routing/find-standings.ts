import type { Database } from '@parley/db';
import { sql, type Transaction } from 'kysely';
import type { CandidateStanding } from './choose-agent.ts';

/** Every agent who answers this inbox (and the conversation's team, when it has one), with their load now. */
export async function findStandings(
  trx: Transaction<Database>,
  conversation: { workspace_id: string; inbox_id: string; team_id: string | null },
  onlineAgentIds: readonly string[],
): Promise<CandidateStanding[]> {
  let query = trx
    .selectFrom('inbox_members as im')
    .innerJoin('memberships as ms', (join) =>
      join.onRef('ms.user_id', '=', 'im.user_id').on('ms.workspace_id', '=', conversation.workspace_id),
    )
    .innerJoin('users as u', 'u.id', 'im.user_id')
    .innerJoin('inboxes as i', 'i.id', 'im.inbox_id')
    .select((eb) => [
      'im.user_id as userId',
      'u.name',
      'ms.last_assigned_at as lastAssignedAt',
      'ms.is_away as isAway',
      sql<number>`coalesce(ms.capacity, i.default_capacity)`.as('capacity'),
      eb
        .selectFrom('conversations as c')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('c.assignee_id', '=', 'im.user_id')
        .where('c.workspace_id', '=', conversation.workspace_id)
        .where('c.status', '=', 'open')
        .as('openCount'),
    ])
    .where('im.inbox_id', '=', conversation.inbox_id)
    .where('ms.deactivated_at', 'is', null);
  if (conversation.team_id) {
    const teamId = conversation.team_id;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('team_members as tm')
          .select('tm.user_id')
          .whereRef('tm.user_id', '=', 'im.user_id')
          .where('tm.team_id', '=', teamId),
      ),
    );
  }
  const online = new Set(onlineAgentIds);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, openCount: row.openCount ?? 0, isOnline: online.has(row.userId) }));
}
