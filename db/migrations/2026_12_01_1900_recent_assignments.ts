import { type Kysely, sql } from 'kysely';

// The estimated wait reads an inbox's recent assignments on every queue change; without this index that
// is a scan of the whole decision log, which grows with every conversation.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index routing_decisions_recent_assignments on routing_decisions (decided_at desc)
    where outcome = 'assigned'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index routing_decisions_recent_assignments`.execute(db);
}
