import { type Kysely, sql } from 'kysely';

// Read receipts: the last seq the visitor has read, and the last seq any agent has read, of each
// conversation. Only ever increased by the api (`greatest`), never above last_seq.
const upStatements = [
  `alter table conversations
    add column visitor_read_seq integer not null default 0 check (visitor_read_seq >= 0),
    add column agent_read_seq integer not null default 0 check (agent_read_seq >= 0)`,
];

const downStatements = ['alter table conversations drop column visitor_read_seq, drop column agent_read_seq'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of downStatements) await sql.raw(statement).execute(db);
}
