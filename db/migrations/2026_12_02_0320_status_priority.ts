import { type Kysely, sql } from 'kysely';

// Two more statuses: pending (waiting on the customer or a third party) and snoozed (hidden until
// snoozed_until, then open again). The existing integer `priority` (routing's queue order) now also
// carries the agent-set priority: 0 none, 1 low, 2 medium, 3 high, 4 urgent.
const upStatements = [
  'alter table conversations drop constraint conversations_status_check',
  `alter table conversations add constraint conversations_status_check
    check (status in ('open', 'pending', 'snoozed', 'resolved'))`,
  'alter table conversations add column snoozed_until timestamptz',
  `alter table conversations add constraint conversations_snoozed_until_check
    check ((status = 'snoozed') = (snoozed_until is not null))`,
  "create index conversations_snoozed on conversations (snoozed_until) where status = 'snoozed'",
];

const downStatements = [
  'drop index conversations_snoozed',
  "update conversations set status = 'open' where status in ('pending', 'snoozed')",
  'alter table conversations drop constraint conversations_snoozed_until_check',
  'alter table conversations drop column snoozed_until',
  'alter table conversations drop constraint conversations_status_check',
  "alter table conversations add constraint conversations_status_check check (status in ('open', 'resolved'))",
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of downStatements) await sql.raw(statement).execute(db);
}
