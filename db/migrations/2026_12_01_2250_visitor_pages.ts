import { type Kysely, sql } from 'kysely';

// What the console's visitor sidebar shows of a visitor's device: the browser's user agent and time
// zone and the page's title, as the widget session last saw them; and the last pages they viewed
// (the api keeps 20 per visitor).
const upStatements = [
  `alter table visitors add column user_agent text check (length(user_agent) <= 1000),
    add column time_zone text check (length(time_zone) <= 64),
    add column page_title text check (length(page_title) <= 300)`,
  `create table visitor_page_views (
    id uuid primary key default gen_random_uuid(),
    visitor_id uuid not null references visitors on delete cascade,
    url text not null check (length(url) <= 2000),
    title text check (length(title) <= 300),
    viewed_at timestamptz not null default now()
  )`,
  'create index visitor_page_views_visitor on visitor_page_views (visitor_id, viewed_at desc)',
];

const downStatements = [
  'drop table visitor_page_views',
  'alter table visitors drop column user_agent, drop column time_zone, drop column page_title',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of downStatements) await sql.raw(statement).execute(db);
}
