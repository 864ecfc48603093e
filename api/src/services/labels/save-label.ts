import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import type { Label, LabelCreateBody, LabelUpdateBody } from '../../protocol/label-rest.ts';
import { labelNotFound, refuseTakenLabelName } from './label-errors.ts';

const LABEL_COLUMNS = ['id', 'name', 'color'] as const;

export function createLabel(db: Kysely<Database>, workspaceId: string, body: LabelCreateBody): Promise<Label> {
  return refuseTakenLabelName(
    db
      .insertInto('labels')
      .values({ workspace_id: workspaceId, name: body.name.trim(), color: body.color })
      .returning(LABEL_COLUMNS)
      .executeTakeFirstOrThrow(),
  );
}

/** Renames and/or recolours a label of the workspace (404 for another workspace's). */
export async function updateLabel(
  db: Kysely<Database>,
  workspaceId: string,
  labelId: string,
  body: LabelUpdateBody,
): Promise<Label> {
  const label = await refuseTakenLabelName(
    db
      .updateTable('labels')
      .set({
        ...(body.name !== undefined ? { name: body.name.trim() } : {}),
        ...(body.color ? { color: body.color } : {}),
      })
      .where('id', '=', labelId)
      .where('workspace_id', '=', workspaceId)
      .returning(LABEL_COLUMNS)
      .executeTakeFirst(),
  );
  if (!label) throw labelNotFound();
  return label;
}

/** Deletes a label; it comes off every conversation that had it (the database cascades). */
export async function deleteLabel(db: Kysely<Database>, workspaceId: string, labelId: string): Promise<void> {
  const deleted = await db
    .deleteFrom('labels')
    .where('id', '=', labelId)
    .where('workspace_id', '=', workspaceId)
    .returning('id')
    .executeTakeFirst();
  if (!deleted) throw labelNotFound();
}
