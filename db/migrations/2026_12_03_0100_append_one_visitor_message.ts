import { type Kysely, sql } from 'kysely';

// A visitor's send that arrives alone (most batches at 1,000 msg/s hold one): the same effect as
// append_visitor_messages with one element, as two plain statements. The batch function's one statement
// costs ~440 µs of executor start-up however few rows it handles; this one costs 0.6× as much for a
// single message (`pnpm bench:rows --batch 1`, docs/performance.md), and more per message from three on.
export const appendVisitorMessageStatement = `create or replace function append_visitor_message(
    p_visitor_id uuid, p_workspace_id uuid, p_inbox_id uuid, p_conversation_id uuid, p_client_id text, p_body text
  ) returns table (
    id uuid, conversation_id uuid, seq integer, sender_type text, sender_id uuid, client_id text, body text,
    created_at timestamptz
  ) language plpgsql set plan_cache_mode = force_generic_plan as $$
  #variable_conflict use_column
  declare
    v_conversation_id uuid := p_conversation_id;
    v_seq integer;
  begin
    if v_conversation_id is null then
      select c.id into v_conversation_id from conversations c
      where c.visitor_id = p_visitor_id and c.workspace_id = p_workspace_id and c.inbox_id = p_inbox_id
        and c.status = 'open'
      order by c.created_at desc
      limit 1;
    end if;
    update conversations c set last_seq = c.last_seq + 1, updated_at = now(), last_message_at = now()
    where c.id = v_conversation_id and c.visitor_id = p_visitor_id and c.workspace_id = p_workspace_id
      and c.inbox_id = p_inbox_id and c.status = 'open'
    returning c.last_seq into v_seq;
    if v_seq is null then
      return;
    end if;
    return query
    insert into messages as m (conversation_id, seq, sender_type, sender_id, client_id, body)
    values (v_conversation_id, v_seq, 'visitor', p_visitor_id, p_client_id, p_body)
    returning m.id, m.conversation_id, m.seq, m.sender_type, m.sender_id, m.client_id, m.body, m.created_at;
  end $$`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(appendVisitorMessageStatement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function append_visitor_message`.execute(db);
}
