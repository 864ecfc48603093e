import type { Database } from '@parley/db';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../app-error.ts';
import type { TeamCreateBody, TeamUpdateBody } from '../../protocol/team-rest.ts';
import { runTransaction } from '../run-transaction.ts';
import { checkWorkspaceMembers } from './check-workspace-members.ts';
import { teamNotFound } from './not-found.ts';

/** A new team of the workspace; every member must belong to the workspace. Returns its id. */
export function createTeam(db: Kysely<Database>, workspaceId: string, body: TeamCreateBody): Promise<string> {
  return refuseTakenName(
    runTransaction(db, async (trx) => {
      await checkWorkspaceMembers(trx, workspaceId, body.memberIds ?? [], 'memberIds');
      const team = await trx
        .insertInto('teams')
        .values({ workspace_id: workspaceId, name: body.name })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertMembers(trx, team.id, body.memberIds ?? []);
      return team.id;
    }),
  );
}

/** Renames a team and/or replaces its members (404 for another workspace's team). */
export function updateTeam(
  db: Kysely<Database>,
  workspaceId: string,
  teamId: string,
  body: TeamUpdateBody,
): Promise<void> {
  return refuseTakenName(
    runTransaction(db, async (trx) => {
      const team = await trx
        .selectFrom('teams')
        .select('id')
        .where('id', '=', teamId)
        .where('workspace_id', '=', workspaceId)
        .forNoKeyUpdate()
        .executeTakeFirst();
      if (!team) throw teamNotFound();
      if (body.memberIds) await checkWorkspaceMembers(trx, workspaceId, body.memberIds, 'memberIds');
      if (body.name !== undefined)
        await trx.updateTable('teams').set({ name: body.name }).where('id', '=', teamId).execute();
      if (body.memberIds) {
        await trx.deleteFrom('team_members').where('team_id', '=', teamId).execute();
        await insertMembers(trx, teamId, body.memberIds);
      }
    }),
  );
}

/** The unique index on (workspace, lower(name)) speaks as `team/name_taken`. */
async function refuseTakenName<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'teams_name') {
      throw new AppError('team/name_taken', 'A team with this name already exists.');
    }
    throw error;
  }
}

/** Deletes a team; its routing rules go with it and its waiting conversations fall back to the whole inbox. */
export async function deleteTeam(db: Kysely<Database>, workspaceId: string, teamId: string): Promise<void> {
  const deleted = await db
    .deleteFrom('teams')
    .where('id', '=', teamId)
    .where('workspace_id', '=', workspaceId)
    .returning('id')
    .executeTakeFirst();
  if (!deleted) throw teamNotFound();
}

async function insertMembers(trx: Transaction<Database>, teamId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return;
  await trx
    .insertInto('team_members')
    .values(userIds.map((userId) => ({ team_id: teamId, user_id: userId })))
    .execute();
}
