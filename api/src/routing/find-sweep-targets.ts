import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';

/** Automatic inboxes with at least one conversation waiting for an agent. */
export function findInboxesWithWaiting(db: Kysely<Database>) {
  return db
    .selectFrom('inboxes as i')
    .select(['i.id', 'i.workspace_id'])
    .where('i.routing_mode', '=', 'auto')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('conversations as c')
          .select('c.id')
          .whereRef('c.inbox_id', '=', 'i.id')
          .where('c.status', '=', 'open')
          .where('c.assignee_id', 'is', null),
      ),
    )
    .execute();
}

/** Every agent holding an open conversation, per workspace. */
export function findAssignees(db: Kysely<Database>) {
  return db
    .selectFrom('conversations')
    .select(['workspace_id', 'assignee_id'])
    .distinct()
    .where('status', '=', 'open')
    .where('assignee_id', 'is not', null)
    .execute();
}
