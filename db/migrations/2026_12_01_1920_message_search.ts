import { type Kysely, sql } from 'kysely';

// Full-text search over every message: a generated tsvector with a GIN index. The 'simple' configuration
// (no stemming, no stop words) treats every language alike, which suits a product whose visitors write in
// any of them.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table messages
    add column search_vector tsvector generated always as (to_tsvector('simple', body)) stored`.execute(db);
  await sql`create index messages_search on messages using gin (search_vector)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table messages drop column search_vector`.execute(db);
}
