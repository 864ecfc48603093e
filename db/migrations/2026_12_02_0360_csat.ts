import { type Kysely, sql } from 'kysely';

// The visitor's rating of a resolved conversation (CSAT): one per conversation, 1 to 5 with an optional
// comment. A second rating within 24 hours of the first replaces it (the api enforces the window).
const upStatements = [
  `create table conversation_ratings (
    conversation_id uuid primary key references conversations on delete cascade,
    workspace_id uuid not null references workspaces on delete cascade,
    rating smallint not null check (rating between 1 and 5),
    comment text check (length(comment) <= 1000),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  'create index conversation_ratings_workspace on conversation_ratings (workspace_id, created_at desc)',
];

const downStatements = ['drop table conversation_ratings'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of downStatements) await sql.raw(statement).execute(db);
}
