import type { Database } from '@parley/db';
import { type Kysely, sql } from 'kysely';
import type { Label } from '../../protocol/label-rest.ts';
import { labelNotFound } from './label-errors.ts';

/** The workspace's labels, by name. */
export function loadLabels(db: Kysely<Database>, workspaceId: string): Promise<Label[]> {
  return db
    .selectFrom('labels')
    .select(['id', 'name', 'color'])
    .where('workspace_id', '=', workspaceId)
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute();
}

/** Throws label/not_found unless the label is the workspace's. */
export async function checkLabelOfWorkspace(db: Kysely<Database>, workspaceId: string, labelId: string) {
  const label = await db
    .selectFrom('labels')
    .select('id')
    .where('id', '=', labelId)
    .where('workspace_id', '=', workspaceId)
    // Holds off a concurrent delete until this transaction ends, so the insert that follows never meets a
    // label that vanished in between (a foreign-key 500); a delete that committed first is a 404 here.
    .forKeyShare()
    .executeTakeFirst();
  if (!label) throw labelNotFound();
}
