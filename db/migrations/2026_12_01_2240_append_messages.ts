import { type Kysely, sql } from 'kysely';

// The sends' fast paths as functions: planning the statements took about a millisecond of the database's
// CPU per call, more than running them. PL/pgSQL prepares each statement once per connection.
// See api/src/commands/message-append-batch.ts (then visitor-append-batch.ts and agent-append.ts) for what
// they do and why.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create function append_visitor_messages(
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
      select i.*, (
        select c.id from conversations c
        where c.visitor_id = i.visitor_id and c.workspace_id = i.workspace_id and c.inbox_id = i.inbox_id
          and c.status = 'open' and (i.conversation_id is null or c.id = i.conversation_id)
        order by c.created_at desc
        limit 1
      ) as target_id
      from input i
    ), counts as (
      select target_id, count(*)::int as n from target where target_id is not null group by target_id
    ), locked as materialized (
      select c.id from conversations c join counts on counts.target_id = c.id
      where c.status = 'open'
      order by c.id
      for no key update of c
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
  end $$`.execute(db);
  await sql`create function append_agent_message(
    p_conversation_id uuid, p_workspace_id uuid, p_user_id uuid, p_client_id text, p_body text
  ) returns table (
    id uuid, conversation_id uuid, seq integer, sender_type text, sender_id uuid, client_id text, body text,
    created_at timestamptz, sender_name text, visitor_id uuid
  ) language plpgsql as $$
  #variable_conflict use_column
  begin
    return query
    with bumped as (
      update conversations set last_seq = last_seq + 1, updated_at = now(), last_message_at = now()
      where id = p_conversation_id and workspace_id = p_workspace_id and status = 'open' and assignee_id is not null
      returning id, last_seq, visitor_id
    ), m as (
      insert into messages (conversation_id, seq, sender_type, sender_id, client_id, body)
      select id, last_seq, 'agent', p_user_id, p_client_id, p_body from bumped
      returning *
    )
    select m.id, m.conversation_id, m.seq, m.sender_type, m.sender_id, m.client_id, m.body, m.created_at,
      (select name from users where id = p_user_id) as sender_name, bumped.visitor_id
    from m join bumped on bumped.id = m.conversation_id;
  end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function append_agent_message`.execute(db);
  await sql`drop function append_visitor_messages`.execute(db);
}
