import type { Database } from '@parley/db';
import type { Kysely, Transaction } from 'kysely';
import { notFound } from '../app-error.ts';
import { presentConversation } from '../presenters/conversation.ts';
import { levelToPriority, priorityToLevel } from '../presenters/priority-level.ts';
import type { ConversationPriority, ConversationSummary } from '../protocol/entities.ts';
import type { ConversationEvent } from '../protocol/events.ts';
import { appendEvent } from '../services/conversations/append.ts';
import { findConversationRow } from '../services/conversations/queries.ts';
import { runTransaction } from '../services/run-transaction.ts';
import { findActor } from './find-actor.ts';
import type { AgentActor } from './send-agent-message.ts';

export interface PriorityOutcome {
  conversation: ConversationSummary;
  events: ConversationEvent[];
}

/**
 * Any agent of the workspace sets a conversation's priority; it also orders the inbox's queue (higher
 * first). Setting the priority it has changes nothing and succeeds.
 */
export function setConversationPriority(
  db: Kysely<Database>,
  agent: AgentActor,
  input: { conversationId: string; priority: ConversationPriority },
): Promise<PriorityOutcome> {
  return runTransaction(db, (trx) => setPriorityIn(trx, agent, input));
}

export async function setPriorityIn(
  trx: Transaction<Database>,
  agent: AgentActor,
  input: { conversationId: string; priority: ConversationPriority },
): Promise<PriorityOutcome> {
  const current = await trx
    .selectFrom('conversations')
    .select('priority')
    .where('id', '=', input.conversationId)
    .where('workspace_id', '=', agent.workspaceId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!current) throw notFound('conversation');
  const events: ConversationEvent[] = [];
  if (levelToPriority(current.priority) !== input.priority) {
    await trx
      .updateTable('conversations')
      .set({ priority: priorityToLevel(input.priority) })
      .where('id', '=', input.conversationId)
      .execute();
    const by = await findActor(trx, agent);
    events.push(
      await appendEvent(
        trx,
        input.conversationId,
        'conversation.priority_changed',
        { priority: input.priority, by },
        { type: 'agent', id: agent.userId },
      ),
    );
  }
  const row = await findConversationRow(trx, input.conversationId);
  if (!row) throw notFound('conversation');
  return { conversation: presentConversation(row), events };
}
