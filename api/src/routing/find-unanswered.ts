import type { Database } from '@parley/db';
import { type Kysely, sql } from 'kysely';

/**
 * Assignments whose agent has not replied within the inbox's reassign_after_seconds. Every api process
 * may look; returnToQueue re-checks under the conversation's lock, so each is returned once.
 */
export async function findUnansweredAssignments(db: Kysely<Database>, limit = 100) {
  return db
    .selectFrom('conversations as c')
    .innerJoin('inboxes as i', 'i.id', 'c.inbox_id')
    .select(['c.id', 'c.assignee_id'])
    .where('c.status', '=', 'open')
    .where('c.assignee_id', 'is not', null)
    .where('i.reassign_after_seconds', 'is not', null)
    .where(sql<boolean>`c.assigned_at < now() - make_interval(secs => i.reassign_after_seconds)`)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('messages as m')
            .select('m.id')
            .whereRef('m.conversation_id', '=', 'c.id')
            .whereRef('m.sender_id', '=', 'c.assignee_id')
            // An internal note is no answer to the visitor.
            .where('m.kind', '=', 'reply')
            .whereRef('m.created_at', '>=', 'c.assigned_at'),
        ),
      ),
    )
    .limit(limit)
    .execute();
}
