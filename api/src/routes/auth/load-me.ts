import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import type { Me } from '../../protocol/rest.ts';

export async function loadMe(db: Kysely<Database>, userId: string): Promise<Me> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('memberships as ms', 'ms.user_id', 'u.id')
    .innerJoin('workspaces as w', 'w.id', 'ms.workspace_id')
    .select(['u.id', 'u.email', 'u.name', 'w.id as workspace_id', 'w.name as workspace_name', 'ms.role'])
    .where('u.id', '=', userId)
    .orderBy('ms.created_at')
    .executeTakeFirstOrThrow();
  return {
    user: { id: row.id, email: row.email, name: row.name },
    workspace: { id: row.workspace_id, name: row.workspace_name },
    role: row.role,
  };
}
