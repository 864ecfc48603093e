import { type Kysely, sql } from 'kysely';

// The full-text index (GIN) collects new entries in a pending list and merges it into the index when it
// passes gin_pending_list_limit (4 MB by default), inside whichever insert crossed the limit: one batch of
// messages then took 80-150 ms instead of ~1.5, and every send queued behind it waited as long (the p99 of
// bench:realtime's 1,000/s step). With 256 kB the merges are ~16x smaller: the slowest call of
// `pnpm bench:rows --batch 10 --calls 1000` fell from 78-148 ms to 12-21 ms, for the same CPU per message.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter index messages_search set (gin_pending_list_limit = 256)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter index messages_search reset (gin_pending_list_limit)`.execute(db);
}
