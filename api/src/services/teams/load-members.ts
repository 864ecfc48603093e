import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import type { Member } from '../../protocol/team-rest.ts';
import { avatarUrlFor } from '../profile/avatars.ts';

/** The workspace's members (or just one, with `userId`), oldest membership first, as the protocol shows them. */
export async function loadMembers(
  db: Kysely<Database>,
  workspaceId: string,
  onlineAgentIds: readonly string[],
  userId?: string,
): Promise<Member[]> {
  let query = db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('user_avatars as av', 'av.user_id', 'u.id')
    .select(['m.user_id', 'u.name', 'u.email', 'm.role', 'm.capacity', 'm.is_away', 'm.deactivated_at'])
    .select('av.updated_at as avatar_updated_at')
    .where('m.workspace_id', '=', workspaceId);
  if (userId !== undefined) query = query.where('m.user_id', '=', userId);
  const rows = await query.orderBy('m.created_at').orderBy('m.user_id').execute();
  const online = new Set(onlineAgentIds);
  return rows.map((row) => ({
    userId: row.user_id,
    name: row.name,
    email: row.email,
    role: row.role,
    capacity: row.capacity,
    isAway: row.is_away,
    isOnline: online.has(row.user_id),
    deactivatedAt: row.deactivated_at?.toISOString() ?? null,
    ...(row.avatar_updated_at ? { avatarUrl: avatarUrlFor(row.user_id, row.avatar_updated_at) } : {}),
  }));
}
