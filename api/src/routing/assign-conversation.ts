import type { Database } from '@parley/db';
import { sql, type Transaction } from 'kysely';
import type { AgentRef } from '../protocol/entities.ts';
import type { ConversationEvent } from '../protocol/events.ts';
import { type Actor, appendEvent } from '../services/conversations/append.ts';

/** Gives the conversation to the agent and records it as a conversation event. Hold the conversation's lock. */
export async function assignConversation(
  trx: Transaction<Database>,
  input: { conversationId: string; workspaceId: string; agent: AgentRef; actor: Actor },
): Promise<ConversationEvent> {
  await trx
    .updateTable('conversations')
    .set({ assignee_id: input.agent.id, assigned_at: sql<Date>`now()`, queued_at: null })
    .where('id', '=', input.conversationId)
    .execute();
  await trx
    .updateTable('memberships')
    .set({ last_assigned_at: sql<Date>`now()` })
    .where('workspace_id', '=', input.workspaceId)
    .where('user_id', '=', input.agent.id)
    .execute();
  return appendEvent(trx, input.conversationId, 'conversation.assigned', { assignee: input.agent }, input.actor);
}
