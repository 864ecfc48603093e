import type { Database } from '@parley/db';
import { type Kysely, sql } from '../../api/node_modules/kysely/dist/esm/index.js';

/**
 * Writes messages up to `lastSeq` straight into the database (seconds for 10,000, where sending them
 * would take minutes): alternating visitor and agent, over the last four days (day dividers), the
 * first few and the conversation's own events a day earlier. Bodies are "Message <seq>: …".
 */
export async function seedLongHistory(
  db: Kysely<Database>,
  conversation: { id: string; visitorId: string | null; agentId: string; lastSeq: number },
): Promise<void> {
  const { id, visitorId, agentId, lastSeq } = conversation;
  await sql`
    insert into messages (conversation_id, seq, sender_type, sender_id, body, created_at)
    select ${id}, s,
      case when s % 2 = 0 then 'visitor' else 'agent' end,
      case when s % 2 = 0 then ${visitorId}::uuid else ${agentId}::uuid end,
      'Message ' || s || ': ' || repeat('the quick brown fox jumps over the lazy dog ', 1 + (s * 7) % 9),
      now() - interval '4 days' + (s * interval '4 days') / ${lastSeq}::int
    from generate_series((select last_seq + 1 from conversations where id = ${id}), ${lastSeq}::int) s
  `.execute(db);
  await sql`update messages set created_at = now() - interval '5 days' where conversation_id = ${id} and seq <= 3`.execute(
    db,
  );
  await sql`update conversation_events set created_at = now() - interval '5 days' where conversation_id = ${id}`.execute(
    db,
  );
  await sql`update conversations set last_seq = ${lastSeq}::int, last_message_at = now() where id = ${id}`.execute(db);
}
