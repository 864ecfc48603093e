import { type Kysely, sql } from 'kysely';

// Agents' replies in one statement, as append_visitor_messages does for visitors, so that replies and
// sends arriving together share a statement and a commit (the api runs both functions in one statement).
// Each reply must name an open, assigned conversation of the agent's workspace; replies to one
// conversation get consecutive seqs in the order given. The author becomes a participant; `joined` says
// they were not one yet. A reply the function does not store (resolved, unassigned, another workspace)
// is missing from the result, and the api takes it through the full transaction.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create function append_agent_messages(
    p_conversation_ids uuid[], p_workspace_ids uuid[], p_user_ids uuid[], p_client_ids text[], p_bodies text[]
  ) returns table (
    id uuid, conversation_id uuid, seq integer, sender_type text, sender_id uuid, client_id text, body text,
    created_at timestamptz, sender_name text, visitor_id uuid, joined boolean
  ) language plpgsql set plan_cache_mode = force_generic_plan as $$
  #variable_conflict use_column
  begin
    return query
    with input as (
      select * from unnest(p_conversation_ids, p_workspace_ids, p_user_ids, p_client_ids, p_bodies)
        with ordinality as i(conversation_id, workspace_id, user_id, client_id, body, ord)
    ), counts as (
      select conversation_id, workspace_id, count(*)::int as n from input group by conversation_id, workspace_id
    ), locked as materialized (
      select c.id from conversations c
      where c.id = any(array(select conversation_id from counts)) and c.status = 'open' and c.assignee_id is not null
      order by c.id
      for no key update of c
    ), bumped as (
      update conversations c set last_seq = c.last_seq + counts.n, updated_at = now(), last_message_at = now()
      from locked join counts on counts.conversation_id = locked.id
      where c.id = locked.id and c.workspace_id = counts.workspace_id
      returning c.id, c.workspace_id, c.last_seq, counts.n, c.visitor_id
    ), numbered as (
      select i.user_id, i.client_id, i.body, b.id as conversation_id, b.visitor_id,
        b.last_seq - b.n + row_number() over (partition by b.id order by i.ord) as seq
      from input i join bumped b on b.id = i.conversation_id and b.workspace_id = i.workspace_id
    ), m as (
      insert into messages (conversation_id, seq, sender_type, sender_id, client_id, body)
      select conversation_id, seq, 'agent', user_id, client_id, body from numbered
      returning *
    ), joined as (
      insert into conversation_participants (conversation_id, user_id)
      select distinct conversation_id, user_id from numbered
      on conflict (conversation_id, user_id) do nothing
      returning conversation_id, user_id
    )
    select m.id, m.conversation_id, m.seq, m.sender_type, m.sender_id, m.client_id, m.body, m.created_at,
      u.name as sender_name, n.visitor_id, j.user_id is not null as joined
    from m
    join numbered n on n.conversation_id = m.conversation_id and n.seq = m.seq
    join users u on u.id = m.sender_id
    left join joined j on j.conversation_id = m.conversation_id and j.user_id = m.sender_id;
  end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function append_agent_messages`.execute(db);
}
