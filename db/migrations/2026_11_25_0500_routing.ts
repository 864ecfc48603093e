import { type Kysely, sql } from 'kysely';

// Routing: inbox settings and members, agent capacity and away state, teams and rules, the queue
// columns of conversations, and the log of every routing decision.
const upStatements = [
  `alter table inboxes
    add column routing_mode text not null default 'auto' check (routing_mode in ('auto', 'manual', 'off')),
    add column default_capacity integer not null default 10 check (default_capacity between 1 and 100),
    add column reassign_after_seconds integer check (reassign_after_seconds between 10 and 86400),
    add column business_hours jsonb`,
  `alter table memberships
    add column capacity integer check (capacity between 1 and 100),
    add column is_away boolean not null default false`,
  `create table inbox_members (
    inbox_id uuid not null references inboxes on delete cascade,
    user_id uuid not null references users on delete cascade,
    primary key (inbox_id, user_id)
  )`,
  'create index inbox_members_user on inbox_members (user_id)',
  `create table teams (
    id uuid primary key default gen_random_uuid(),
    workspace_id uuid not null references workspaces on delete cascade,
    name text not null,
    created_at timestamptz not null default now()
  )`,
  `create table team_members (
    team_id uuid not null references teams on delete cascade,
    user_id uuid not null references users on delete cascade,
    primary key (team_id, user_id)
  )`,
  `create table routing_rules (
    id uuid primary key default gen_random_uuid(),
    inbox_id uuid not null references inboxes on delete cascade,
    position integer not null,
    field text not null check (field in ('page_url', 'language', 'attribute')),
    attribute_key text,
    pattern text not null,
    team_id uuid not null references teams on delete cascade,
    created_at timestamptz not null default now()
  )`,
  `alter table conversations
    add column priority integer not null default 0,
    add column team_id uuid references teams on delete set null,
    add column queued_at timestamptz,
    add column assigned_at timestamptz`,
  `create index conversations_queue on conversations (inbox_id, priority desc, queued_at)
    where status = 'open' and assignee_id is null`,
  `alter table visitors
    add column language text,
    add column page_url text,
    add column attributes jsonb not null default '{}'`,
  `create table routing_decisions (
    id uuid primary key default gen_random_uuid(),
    conversation_id uuid not null references conversations on delete cascade,
    workspace_id uuid not null references workspaces on delete cascade,
    outcome text not null check (outcome in ('assigned', 'queued', 'returned')),
    reason text not null,
    chosen_user_id uuid references users on delete set null,
    candidates jsonb not null default '[]',
    decided_at timestamptz not null default now()
  )`,
  'create index routing_decisions_conversation on routing_decisions (conversation_id, decided_at)',
  // Everyone already in a workspace answers its existing inboxes; waiting conversations keep their place.
  `insert into inbox_members (inbox_id, user_id)
    select i.id, m.user_id from inboxes i join memberships m on m.workspace_id = i.workspace_id`,
  `update conversations set queued_at = created_at where status = 'open' and assignee_id is null`,
  `update conversations set assigned_at = updated_at where assignee_id is not null`,
];

const downStatements = [
  'drop table routing_decisions',
  'alter table visitors drop column language, drop column page_url, drop column attributes',
  'drop index conversations_queue',
  'alter table conversations drop column priority, drop column team_id, drop column queued_at, drop column assigned_at',
  'drop table routing_rules',
  'drop table team_members',
  'drop table teams',
  'drop table inbox_members',
  'alter table memberships drop column capacity, drop column is_away',
  `alter table inboxes drop column routing_mode, drop column default_capacity,
    drop column reassign_after_seconds, drop column business_hours`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of downStatements) await sql.raw(statement).execute(db);
}
