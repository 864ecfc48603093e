import { type Kysely, sql } from 'kysely';

// Canned responses (shared by the workspace when owner_id is null, else one agent's own) and labels
// on conversations. Label colours are names from a fixed palette; the console turns them into colours
// readable in both themes.
const upStatements = [
  `create table canned_responses (
    id uuid primary key default gen_random_uuid(),
    workspace_id uuid not null references workspaces on delete cascade,
    owner_id uuid references users on delete cascade,
    shortcut text not null check (shortcut ~ '^[a-z0-9_-]{1,32}$'),
    title text not null check (char_length(title) between 1 and 100),
    body text not null check (char_length(body) between 1 and 5000),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  // A shortcut is unique among the shared responses, and among each agent's own.
  `create unique index canned_responses_shared_shortcut on canned_responses (workspace_id, lower(shortcut))
    where owner_id is null`,
  `create unique index canned_responses_personal_shortcut on canned_responses (workspace_id, owner_id, lower(shortcut))
    where owner_id is not null`,
  `create table labels (
    id uuid primary key default gen_random_uuid(),
    workspace_id uuid not null references workspaces on delete cascade,
    name text not null check (char_length(name) between 1 and 40),
    color text not null check (color in ('grey', 'red', 'orange', 'amber', 'green', 'teal', 'blue', 'indigo', 'purple', 'pink')),
    created_at timestamptz not null default now()
  )`,
  'create unique index labels_name on labels (workspace_id, lower(name))',
  `create table conversation_labels (
    conversation_id uuid not null references conversations on delete cascade,
    label_id uuid not null references labels on delete cascade,
    primary key (conversation_id, label_id)
  )`,
  'create index conversation_labels_label on conversation_labels (label_id)',
];

const downStatements = ['drop table conversation_labels', 'drop table labels', 'drop table canned_responses'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of downStatements) await sql.raw(statement).execute(db);
}
