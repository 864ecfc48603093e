import { type Kysely, sql } from 'kysely';

// Internal notes: a message kind only agents see. Mentions of teammates in a note (one row per mentioned
// member, read or not), and the agents who take part in a conversation besides its assignee.
const upStatements = [
  `alter table messages add column kind text not null default 'reply' check (kind in ('reply', 'note'))`,
  `create table mentions (
    id uuid primary key default gen_random_uuid(),
    workspace_id uuid not null references workspaces on delete cascade,
    conversation_id uuid not null references conversations on delete cascade,
    message_id uuid not null references messages on delete cascade,
    user_id uuid not null references users on delete cascade,
    author_id uuid references users on delete set null,
    read_at timestamptz,
    created_at timestamptz not null default now(),
    unique (message_id, user_id)
  )`,
  'create index mentions_user on mentions (workspace_id, user_id, created_at desc)',
  `create table conversation_participants (
    conversation_id uuid not null references conversations on delete cascade,
    user_id uuid not null references users on delete cascade,
    joined_at timestamptz not null default now(),
    primary key (conversation_id, user_id)
  )`,
  'create index conversation_participants_user on conversation_participants (user_id)',
];

const downStatements = [
  'drop table conversation_participants',
  'drop table mentions',
  'alter table messages drop column kind',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of downStatements) await sql.raw(statement).execute(db);
}
