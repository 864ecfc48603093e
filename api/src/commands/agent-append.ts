import type { Database } from '@parley/db';
import { CompiledQuery, type Kysely } from 'kysely';
import type { MessageRow } from '../presenters/message.ts';
import { isUniqueViolation } from '../services/auth/sign-up.ts';

// An agent's reply to an open, assigned conversation as one statement, so one round trip and one commit:
// the next seq, the message under it, and the agent as a participant (migration 2026_12_03_0110). Anything else (an unassigned or resolved conversation, a retried
// clientId, which violates unique (sender_id, client_id)) is left to the full transaction, which gives the
// right answer or error. The UPDATE takes the conversation's row lock, so seqs stay contiguous.
// The statement is the function append_agent_message (migration 2026_12_01_2240_append_messages), so its
// plan is prepared once per connection: planning it cost more than running it.
const AGENT_APPEND = 'select * from append_agent_message($1, $2, $3, $4, $5)';

export interface AgentAppend {
  conversationId: string;
  workspaceId: string;
  userId: string;
  clientId: string;
  body: string;
}

export type AppendedAgentMessage = MessageRow & { visitor_id: string; joined: boolean };

/**
 * The stored message, the conversation's visitor and whether the agent has just become a participant, or
 * undefined when the full transaction must handle this send.
 */
export async function tryAppendAgentMessage(
  db: Kysely<Database>,
  input: AgentAppend,
): Promise<AppendedAgentMessage | undefined> {
  const { conversationId, workspaceId, userId, clientId, body } = input;
  try {
    const query = CompiledQuery.raw(AGENT_APPEND, [conversationId, workspaceId, userId, clientId, body]);
    const { rows } = await db.executeQuery<AppendedAgentMessage>(query);
    return rows[0];
  } catch (error) {
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}
