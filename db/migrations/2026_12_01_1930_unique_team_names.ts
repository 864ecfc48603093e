import { type Kysely, sql } from 'kysely';

// Two teams called "Billing" make rules and the assign menu ambiguous: names are unique per workspace,
// ignoring case. Existing duplicates get a number so the index can be built.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`with ranked as (
      select id, row_number() over (partition by workspace_id, lower(name) order by created_at, id) as n from teams
    )
    update teams t set name = t.name || ' (' || ranked.n || ')' from ranked where ranked.id = t.id and ranked.n > 1`.execute(
    db,
  );
  await sql`create unique index teams_name on teams (workspace_id, lower(name))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index teams_name`.execute(db);
}
