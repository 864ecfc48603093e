import type { Database } from '@parley/db';
import { CompiledQuery, type Kysely } from 'kysely';
import type { MessageRow } from '../presenters/message.ts';
import { isUniqueViolation } from '../services/auth/sign-up.ts';

// An agent's reply to an open, assigned conversation as one statement, so one round trip and one commit:
// the next seq and the message under it. Anything else (an unassigned or resolved conversation, a retried
// clientId, which violates unique (sender_id, client_id)) is left to the full transaction, which gives the
// right answer or error. The UPDATE takes the conversation's row lock, so seqs stay contiguous.
const AGENT_APPEND = `
with bumped as (
  update conversations set last_seq = last_seq + 1, updated_at = now(), last_message_at = now()
  where id = $1 and workspace_id = $2 and status = 'open' and assignee_id is not null
  returning id, last_seq, visitor_id
), m as (
  insert into messages (conversation_id, seq, sender_type, sender_id, client_id, body)
  select id, last_seq, 'agent', $3, $4, $5 from bumped
  returning *
)
select m.id, m.conversation_id, m.seq, m.sender_type, m.sender_id, m.client_id, m.body, m.created_at,
  (select name from users where id = $3) as sender_name, bumped.visitor_id
from m join bumped on bumped.id = m.conversation_id`;

export interface AgentAppend {
  conversationId: string;
  workspaceId: string;
  userId: string;
  clientId: string;
  body: string;
}

/** The stored message and the conversation's visitor, or undefined when the full transaction must handle this send. */
export async function tryAppendAgentMessage(
  db: Kysely<Database>,
  input: AgentAppend,
): Promise<(MessageRow & { visitor_id: string }) | undefined> {
  const { conversationId, workspaceId, userId, clientId, body } = input;
  try {
    const query = CompiledQuery.raw(AGENT_APPEND, [conversationId, workspaceId, userId, clientId, body]);
    const { rows } = await db.executeQuery<MessageRow & { visitor_id: string }>(query);
    return rows[0];
  } catch (error) {
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}
