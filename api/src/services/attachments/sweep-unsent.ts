import type { Database } from '@parley/db';
import { type Kysely, sql } from 'kysely';
import type { AttachmentFiles } from './attachment-files.ts';

/** Uploads never sent in a message after this long are removed. */
export const UNSENT_MAX_AGE_HOURS = 24;

/** Removes uploads that no message referenced within a day: their rows, then their files. Returns how many. */
export async function sweepUnsentAttachments(
  db: Kysely<Database>,
  files: AttachmentFiles,
  limit = 500,
): Promise<number> {
  const rows = await db
    .deleteFrom('attachments')
    .where(
      'id',
      'in',
      db
        .selectFrom('attachments')
        .select('id')
        .where('message_id', 'is', null)
        .where('created_at', '<', sql<Date>`now() - make_interval(hours => ${UNSENT_MAX_AGE_HOURS})`)
        .limit(limit),
    )
    .returning('storage_key')
    .execute();
  for (const row of rows) await files.remove(row.storage_key);
  return rows.length;
}
