import { type Kysely, sql } from 'kysely';

// An agent's own settings. The avatar's bytes live in the database (at most 512 KB, checked by the api and
// here), so every api process serves the same picture without shared disk. Notification preferences are one
// JSON object per user ({ newConversation, newMessageInMine, mention } × { browser, sound, titleCount });
// a missing row means the defaults. auto_away_minutes = 0 turns automatic away off.
const upStatements = [
  `create table user_avatars (
    user_id uuid primary key references users on delete cascade,
    content bytea not null check (octet_length(content) between 1 and 524288),
    content_type text not null check (content_type in ('image/png', 'image/jpeg', 'image/webp')),
    updated_at timestamptz not null default now()
  )`,
  `create table user_preferences (
    user_id uuid primary key references users on delete cascade,
    notifications jsonb not null default '{}'::jsonb,
    auto_away_minutes integer not null default 0 check (auto_away_minutes between 0 and 240),
    updated_at timestamptz not null default now()
  )`,
];

const downStatements = ['drop table user_preferences', 'drop table user_avatars'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of downStatements) await sql.raw(statement).execute(db);
}
