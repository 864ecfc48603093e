import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import type { Me } from '../../protocol/rest.ts';
import { avatarUrlFor } from '../../services/profile/avatars.ts';

export async function loadMe(db: Kysely<Database>, userId: string): Promise<Me> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('memberships as ms', 'ms.user_id', 'u.id')
    .innerJoin('workspaces as w', 'w.id', 'ms.workspace_id')
    .leftJoin('user_avatars as av', 'av.user_id', 'u.id')
    .select(['u.id', 'u.email', 'u.name', 'w.id as workspace_id', 'w.name as workspace_name', 'ms.role'])
    .select('av.updated_at as avatar_updated_at')
    .where('u.id', '=', userId)
    .orderBy('ms.created_at')
    .executeTakeFirstOrThrow();
  return {
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      ...(row.avatar_updated_at ? { avatarUrl: avatarUrlFor(row.id, row.avatar_updated_at) } : {}),
    },
    workspace: { id: row.workspace_id, name: row.workspace_name },
    role: row.role,
  };
}
