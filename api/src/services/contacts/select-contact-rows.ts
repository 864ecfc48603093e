import type { Database } from '@parley/db';
import type { Kysely, Transaction } from 'kysely';

/** The visitors of one workspace with what a contact row shows, including how many conversations they had. */
export function selectContactRows(db: Kysely<Database> | Transaction<Database>, workspaceId: string) {
  return db
    .selectFrom('visitors')
    .select((eb) => [
      'visitors.id',
      'visitors.inbox_id',
      'visitors.name',
      'visitors.email',
      'visitors.external_id',
      'visitors.is_verified',
      'visitors.created_at',
      'visitors.last_seen_at',
      'visitors.attributes',
      eb
        .selectFrom('conversations as c')
        .select((count) => count.fn.countAll<string>().as('n'))
        .whereRef('c.visitor_id', '=', 'visitors.id')
        .as('conversation_count'),
    ])
    .where('visitors.workspace_id', '=', workspaceId);
}
