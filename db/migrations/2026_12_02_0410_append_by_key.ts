import { type Kysely, sql } from 'kysely';

// The append functions of 2026_12_01_2240, cheaper per call (measured with `pnpm bench:rows`):
// - PL/pgSQL planned their statement again on every call (a custom plan, as its parameters are arrays
//   whose contents the planner looks at): force the generic plan, prepared once per connection;
// - append_visitor_messages found a send's conversation with `conversation_id is null or id = ...`, which
//   cannot use the primary key, and locked by joining a CTE whose size the planner guessed: without fresh
//   statistics both read every open conversation of the workspace. Now a given id goes through the
//   primary key, a missing one through conversations_visitor, and the lock takes the ids as an array.
const findTarget = (mode: 'by key' | 'by scan') =>
  mode === 'by key'
    ? `case when i.conversation_id is not null then (
          select c.id from conversations c
          where c.id = i.conversation_id and c.visitor_id = i.visitor_id and c.workspace_id = i.workspace_id
            and c.inbox_id = i.inbox_id and c.status = 'open'
        ) else (
          select c.id from conversations c
          where c.visitor_id = i.visitor_id and c.workspace_id = i.workspace_id and c.inbox_id = i.inbox_id
            and c.status = 'open'
          order by c.created_at desc
          limit 1
        ) end`
    : `(
        select c.id from conversations c
        where c.visitor_id = i.visitor_id and c.workspace_id = i.workspace_id and c.inbox_id = i.inbox_id
          and c.status = 'open' and (i.conversation_id is null or c.id = i.conversation_id)
        order by c.created_at desc
        limit 1
      )`;

const lockConversations = (mode: 'by key' | 'by scan') =>
  mode === 'by key'
    ? `select c.id from conversations c
      where c.id = any(array(select target_id from counts)) and c.status = 'open'
      order by c.id
      for no key update of c`
    : `select c.id from conversations c join counts on counts.target_id = c.id
      where c.status = 'open'
      order by c.id
      for no key update of c`;

/** The function's definition; db/bench/message-rows.ts measures both. */
export function appendVisitorMessagesStatement(mode: 'by key' | 'by scan'): string {
  return `create or replace function append_visitor_messages(
    p_visitor_ids uuid[], p_workspace_ids uuid[], p_inbox_ids uuid[], p_conversation_ids uuid[],
    p_client_ids text[], p_bodies text[]
  ) returns table (
    id uuid, conversation_id uuid, seq integer, sender_type text, sender_id uuid, client_id text, body text,
    created_at timestamptz
  ) language plpgsql as $$
  #variable_conflict use_column
  begin
    return query
    with input as (
      select * from unnest(p_visitor_ids, p_workspace_ids, p_inbox_ids, p_conversation_ids, p_client_ids, p_bodies)
        with ordinality as i(visitor_id, workspace_id, inbox_id, conversation_id, client_id, body, ord)
    ), target as (
      select i.*, ${findTarget(mode)} as target_id
      from input i
    ), counts as (
      select target_id, count(*)::int as n from target where target_id is not null group by target_id
    ), locked as materialized (
      ${lockConversations(mode)}
    ), bumped as (
      update conversations c set last_seq = c.last_seq + counts.n, updated_at = now(), last_message_at = now()
      from locked join counts on counts.target_id = locked.id
      where c.id = locked.id
      returning c.id, c.last_seq, counts.n
    ), numbered as (
      select t.visitor_id, t.client_id, t.body, b.id as conversation_id,
        b.last_seq - b.n + row_number() over (partition by b.id order by t.ord) as seq
      from target t join bumped b on b.id = t.target_id
    ), m as (
      insert into messages (conversation_id, seq, sender_type, sender_id, client_id, body)
      select conversation_id, seq, 'visitor', visitor_id, client_id, body from numbered
      returning *
    )
    select m.id, m.conversation_id, m.seq, m.sender_type, m.sender_id, m.client_id, m.body, m.created_at from m;
  end $$`;
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(appendVisitorMessagesStatement('by key')).execute(db);
  await sql`alter function append_visitor_messages set plan_cache_mode = force_generic_plan`.execute(db);
  await sql`alter function append_agent_message set plan_cache_mode = force_generic_plan`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter function append_agent_message reset plan_cache_mode`.execute(db);
  await sql`alter function append_visitor_messages reset plan_cache_mode`.execute(db);
  await sql.raw(appendVisitorMessagesStatement('by scan')).execute(db);
}
