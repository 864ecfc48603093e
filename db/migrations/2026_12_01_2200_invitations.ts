import { type Kysely, sql } from 'kysely';

// Members join by an emailed (or copied) link: an invitation names the workspace, the email and the role;
// only the SHA-256 of its token is stored. A member can be deactivated: they keep their history and
// assignments' authorship, but cannot sign in and are not offered conversations.
const upStatements = [
  'alter table memberships add column deactivated_at timestamptz',
  `create table invitations (
    id uuid primary key default gen_random_uuid(),
    workspace_id uuid not null references workspaces on delete cascade,
    email text not null check (length(email) between 3 and 254),
    role text not null check (role in ('admin', 'agent')),
    token_hash text not null unique,
    invited_by uuid references users on delete set null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    accepted_at timestamptz,
    revoked_at timestamptz,
    check (accepted_at is null or revoked_at is null)
  )`,
  'create index invitations_workspace on invitations (workspace_id, created_at)',
  // One open invitation per address and workspace: inviting again replaces it.
  `create unique index invitations_open_email on invitations (workspace_id, lower(email))
    where accepted_at is null and revoked_at is null`,
];

const downStatements = ['drop table invitations', 'alter table memberships drop column deactivated_at'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of downStatements) await sql.raw(statement).execute(db);
}
