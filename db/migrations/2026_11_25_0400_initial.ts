import { type Kysely, sql } from 'kysely';

// One statement per query: PGlite runs each through a prepared statement.
const createStatements = [
  `create table workspaces (
    id uuid primary key default gen_random_uuid(),
    name text not null,
    created_at timestamptz not null default now()
  )`,
  `create table users (
    id uuid primary key default gen_random_uuid(),
    email text not null,
    name text not null,
    password_hash text not null,
    created_at timestamptz not null default now()
  )`,
  'create unique index users_email_key on users (lower(email))',
  `create table memberships (
    workspace_id uuid not null references workspaces on delete cascade,
    user_id uuid not null references users on delete cascade,
    role text not null check (role in ('owner', 'admin', 'agent')),
    last_assigned_at timestamptz,
    created_at timestamptz not null default now(),
    primary key (workspace_id, user_id)
  )`,
  'create index memberships_user on memberships (user_id)',
  `create table sessions (
    id text primary key,
    user_id uuid not null references users on delete cascade,
    expires_at timestamptz not null,
    created_at timestamptz not null default now()
  )`,
  'create index sessions_user on sessions (user_id)',
  `create table inboxes (
    id uuid primary key default gen_random_uuid(),
    workspace_id uuid not null references workspaces on delete cascade,
    name text not null,
    site_key text not null unique,
    allowed_origins jsonb not null default '[]',
    appearance jsonb not null default '{}',
    identity_secret text not null,
    created_at timestamptz not null default now()
  )`,
  'create index inboxes_workspace on inboxes (workspace_id)',
  `create table visitors (
    id uuid primary key default gen_random_uuid(),
    workspace_id uuid not null references workspaces on delete cascade,
    inbox_id uuid not null references inboxes on delete cascade,
    token_hash text not null unique,
    name text,
    email text,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now()
  )`,
  `create table conversations (
    id uuid primary key default gen_random_uuid(),
    workspace_id uuid not null references workspaces on delete cascade,
    inbox_id uuid not null references inboxes on delete cascade,
    visitor_id uuid not null references visitors on delete cascade,
    status text not null default 'open' check (status in ('open', 'resolved')),
    assignee_id uuid references users on delete set null,
    last_seq integer not null default 0,
    last_message_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  'create index conversations_workspace_status on conversations (workspace_id, status, updated_at desc)',
  'create index conversations_visitor on conversations (visitor_id, created_at desc)',
  "create index conversations_assignee on conversations (assignee_id) where status = 'open'",
  `create table messages (
    id uuid primary key default gen_random_uuid(),
    conversation_id uuid not null references conversations on delete cascade,
    seq integer not null,
    sender_type text not null check (sender_type in ('visitor', 'agent', 'system')),
    sender_id uuid,
    client_id text,
    body text not null,
    created_at timestamptz not null default now(),
    unique (conversation_id, seq),
    unique (sender_id, client_id)
  )`,
  `create table conversation_events (
    conversation_id uuid not null references conversations on delete cascade,
    seq integer not null,
    type text not null,
    data jsonb not null default '{}',
    actor_type text not null check (actor_type in ('visitor', 'agent', 'system')),
    actor_id uuid,
    created_at timestamptz not null default now(),
    primary key (conversation_id, seq)
  )`,
];

const droppedTables = [
  'conversation_events',
  'messages',
  'conversations',
  'visitors',
  'inboxes',
  'sessions',
  'memberships',
  'users',
  'workspaces',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of createStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of droppedTables) await sql.raw(`drop table if exists ${table}`).execute(db);
}
