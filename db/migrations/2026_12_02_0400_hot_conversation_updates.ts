import { type Kysely, sql } from 'kysely';

// Every stored message updates its conversation (last_seq, last_message_at, updated_at). With updated_at
// in an index, none of those updates is HOT, so each one also writes a new entry into every index of
// conversations. Without it, and with room left on each page, Postgres rewrites the row in place:
// `pnpm bench:rows` measured 0.86-0.87× the database CPU per message (docs/performance.md).
// The price: a list ordered by updated_at sorts the workspace's rows of that status instead of reading
// them in order (14 ms for 100,000 resolved conversations against 0.3 ms; open ones are a working set).
const upStatements = [
  'drop index conversations_workspace_status',
  'create index conversations_workspace_status on conversations (workspace_id, status)',
  'alter table conversations set (fillfactor = 80)',
];

const downStatements = [
  'alter table conversations reset (fillfactor)',
  'drop index conversations_workspace_status',
  'create index conversations_workspace_status on conversations (workspace_id, status, updated_at desc)',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of downStatements) await sql.raw(statement).execute(db);
}
