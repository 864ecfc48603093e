import { type Kysely, sql } from 'kysely';

// Identity verification: a site that knows its user signs their id (HMAC-SHA256 under the inbox's
// secret); an inbox can require it. A verified user is one visitor on every device, so tokens move to a
// table of their own (one per device), and the visitor keeps the site's user id.
const upStatements = [
  'alter table inboxes add column require_identity boolean not null default false',
  `alter table visitors add column external_id text check (length(external_id) between 1 and 200),
    add column is_verified boolean not null default false`,
  'create unique index visitors_external_id on visitors (inbox_id, external_id) where external_id is not null',
  `create table visitor_tokens (
    token_hash text primary key,
    visitor_id uuid not null references visitors on delete cascade,
    created_at timestamptz not null default now()
  )`,
  'create index visitor_tokens_visitor on visitor_tokens (visitor_id)',
  'insert into visitor_tokens (token_hash, visitor_id, created_at) select token_hash, id, created_at from visitors',
  'alter table visitors drop column token_hash',
];

const downStatements = [
  'alter table visitors add column token_hash text unique',
  `update visitors v set token_hash = (
    select t.token_hash from visitor_tokens t where t.visitor_id = v.id order by t.created_at limit 1)`,
  'update visitors set token_hash = md5(random()::text || id::text) where token_hash is null',
  'alter table visitors alter column token_hash set not null',
  'drop table visitor_tokens',
  'drop index visitors_external_id',
  'alter table visitors drop column external_id, drop column is_verified',
  'alter table inboxes drop column require_identity',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of downStatements) await sql.raw(statement).execute(db);
}
