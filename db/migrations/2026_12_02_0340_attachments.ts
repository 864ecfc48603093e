import { type Kysely, sql } from 'kysely';

// Files uploaded by visitors and agents. The bytes live on disk under UPLOADS_DIR by storage_key (random);
// this table says whose they are. An upload belongs to its workspace at once, and to a conversation and a
// message once a message.send references it; until then only its uploader may use it, and the api removes
// it after a day. A message keeps a copy of its attachments' metadata (messages.attachments) so history and
// replay read no other table.
const upStatements = [
  `create table attachments (
    id uuid primary key default gen_random_uuid(),
    workspace_id uuid not null references workspaces on delete cascade,
    conversation_id uuid references conversations on delete cascade,
    message_id uuid references messages on delete cascade,
    uploader_type text not null check (uploader_type in ('visitor', 'agent')),
    uploader_id uuid not null,
    name text not null check (length(name) between 1 and 255),
    content_type text not null check (length(content_type) <= 127),
    size_bytes integer not null check (size_bytes > 0),
    width integer check (width > 0),
    height integer check (height > 0),
    storage_key text not null unique check (storage_key ~ '^[A-Za-z0-9_-]{16,64}$'),
    created_at timestamptz not null default now()
  )`,
  'create index attachments_unsent on attachments (created_at) where message_id is null',
  'create index attachments_message on attachments (message_id)',
  'create index attachments_conversation on attachments (conversation_id)',
  'alter table messages add column attachments jsonb',
];

const downStatements = ['alter table messages drop column attachments', 'drop table attachments'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of downStatements) await sql.raw(statement).execute(db);
}
