import { type Kysely, sql } from 'kysely';

// The contacts directory lists a workspace's visitors newest first and pages by (created_at, id): this
// index serves that order. Search (a case-insensitive "contains" over name, email, user id and attribute
// values) scans the workspace's visitors; a trigram index would need the pg_trgm extension, which the
// embedded PGlite does not load.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index visitors_contacts_order on visitors (workspace_id, created_at desc, id desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index visitors_contacts_order`.execute(db);
}
