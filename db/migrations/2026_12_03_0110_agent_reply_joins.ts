import { type Kysely, sql } from 'kysely';

// An agent who replies takes part in the conversation (conversation_participants). That insert was a
// statement and a commit of its own after every reply; now append_agent_message does it in the reply's
// statement, so the two are stored together and a reply costs one round trip. `joined` says whether the
// agent was not a participant yet (then the workspace hears who takes part now).
const returnedColumns = `id uuid, conversation_id uuid, seq integer, sender_type text, sender_id uuid, client_id text,
    body text, created_at timestamptz, sender_name text, visitor_id uuid`;

/** The function's definition, with the participant's insert or without (as before); db/bench/message-rows.ts measures both. */
export const appendAgentMessageStatement = ({ joins }: { joins: boolean }) => `create function append_agent_message(
    p_conversation_id uuid, p_workspace_id uuid, p_user_id uuid, p_client_id text, p_body text
  ) returns table (${returnedColumns}${joins ? ', joined boolean' : ''})
  language plpgsql set plan_cache_mode = force_generic_plan as $$
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
    )${
      joins
        ? `, joined as (
      insert into conversation_participants (conversation_id, user_id)
      select id, p_user_id from bumped
      on conflict (conversation_id, user_id) do nothing
      returning user_id
    )`
        : ''
    }
    select m.id, m.conversation_id, m.seq, m.sender_type, m.sender_id, m.client_id, m.body, m.created_at,
      (select name from users where id = p_user_id) as sender_name, bumped.visitor_id${
        joins ? ', exists (select from joined) as joined' : ''
      }
    from m join bumped on bumped.id = m.conversation_id;
  end $$`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop function append_agent_message`.execute(db);
  await sql.raw(appendAgentMessageStatement({ joins: true })).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function append_agent_message`.execute(db);
  await sql.raw(appendAgentMessageStatement({ joins: false })).execute(db);
}
