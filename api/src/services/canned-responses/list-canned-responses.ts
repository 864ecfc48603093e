import type { Database } from '@parley/db';
import { type Kysely, sql } from 'kysely';
import type { CannedResponse, CannedResponseListQuery } from '../../protocol/canned-rest.ts';
import { CANNED_COLUMNS, presentCannedResponse } from './present-canned-response.ts';

const DEFAULT_LIMIT = 200;

export interface CannedReader {
  workspaceId: string;
  userId: string;
}

/**
 * The shared responses and the reader's own, never anyone else's. With `q`: those whose shortcut or
 * title contains it (ignoring case), shortcuts that start with it first, then titles that do; then by
 * shortcut.
 */
export async function listCannedResponses(
  db: Kysely<Database>,
  reader: CannedReader,
  { q, limit = DEFAULT_LIMIT }: CannedResponseListQuery,
): Promise<CannedResponse[]> {
  let query = db
    .selectFrom('canned_responses')
    .select(CANNED_COLUMNS)
    .where('workspace_id', '=', reader.workspaceId)
    .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', reader.userId)]));
  const words = q?.trim().toLowerCase();
  if (words) {
    const contains = `%${escapeLike(words)}%`;
    const startsWith = `${escapeLike(words)}%`;
    query = query
      .where((eb) => eb.or([eb('shortcut', 'ilike', contains), eb('title', 'ilike', contains)]))
      .orderBy(sql`case when shortcut ilike ${startsWith} then 0 when title ilike ${startsWith} then 1 else 2 end`);
  }
  // With the same shortcut, the reader's own comes before the shared one.
  const rows = await query.orderBy('shortcut').orderBy(sql`owner_id is null`).limit(limit).execute();
  return rows.map(presentCannedResponse);
}

/** `%`, `_` and `\` stand for themselves (`\` is Postgres's default LIKE escape). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
