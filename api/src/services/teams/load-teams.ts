import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import type { Team } from '../../protocol/team-rest.ts';

/** The workspace's teams (or just one, with `teamId`), oldest first, each with its members' ids. */
export async function loadTeams(db: Kysely<Database>, workspaceId: string, teamId?: string): Promise<Team[]> {
  let query = db.selectFrom('teams').select(['id', 'name', 'created_at']).where('workspace_id', '=', workspaceId);
  if (teamId !== undefined) query = query.where('id', '=', teamId);
  const teams = await query.orderBy('created_at').orderBy('id').execute();
  if (teams.length === 0) return [];
  // Only people still in the workspace count as members.
  const members = await db
    .selectFrom('team_members as tm')
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.user_id', '=', 'tm.user_id').on('m.workspace_id', '=', workspaceId),
    )
    .select(['tm.team_id', 'tm.user_id'])
    .where(
      'tm.team_id',
      'in',
      teams.map((team) => team.id),
    )
    .orderBy('tm.user_id')
    .execute();
  return teams.map((team) => ({
    id: team.id,
    name: team.name,
    memberIds: members.filter((member) => member.team_id === team.id).map((member) => member.user_id),
    createdAt: team.created_at.toISOString(),
  }));
}
