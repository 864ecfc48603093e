import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';

export async function updateName(db: Kysely<Database>, userId: string, name: string): Promise<void> {
  await db.updateTable('users').set({ name: name.trim() }).where('id', '=', userId).execute();
}
