import type { Database } from '@parley/db';
import type { Kysely, Transaction } from 'kysely';
import type { ConversationEvent } from '../protocol/events.ts';
import type { Actor } from '../services/conversations/append.ts';
import { appendEvent } from '../services/conversations/append.ts';
import { runTransaction } from '../services/run-transaction.ts';
import { recordDecision } from './record-decision.ts';

export interface Returned {
  events: ConversationEvent[];
  previousAssigneeId: string | null;
}

/**
 * Takes a conversation from its agent and puts it back at the front of its queue (it keeps the place it
 * had when it first arrived). `onlyIf` re-checks, under the lock, that the reason still holds.
 */
export function returnToQueue(
  db: Kysely<Database>,
  conversationId: string,
  input: { reason: string; actor: Actor; fromUserId?: string },
): Promise<Returned> {
  return runTransaction(db, (trx) => returnToQueueIn(trx, conversationId, input));
}

/** returnToQueue inside the caller's transaction (a team change that takes it from an agent outside the team). */
export async function returnToQueueIn(
  trx: Transaction<Database>,
  conversationId: string,
  input: { reason: string; actor: Actor; fromUserId?: string },
): Promise<Returned> {
  const conversation = await trx
    .selectFrom('conversations')
    .select(['workspace_id', 'status', 'assignee_id'])
    .where('id', '=', conversationId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  const isStillHeld = conversation?.status === 'open' && conversation.assignee_id !== null;
  if (!conversation || !isStillHeld || (input.fromUserId && conversation.assignee_id !== input.fromUserId)) {
    return { events: [], previousAssigneeId: null };
  }
  await trx
    .updateTable('conversations')
    .set((eb) => ({ assignee_id: null, assigned_at: null, queued_at: eb.ref('created_at') }))
    .where('id', '=', conversationId)
    .execute();
  const event = await appendEvent(
    trx,
    conversationId,
    'conversation.unassigned',
    { reason: input.reason },
    input.actor,
  );
  await recordDecision(trx, {
    conversationId,
    workspaceId: conversation.workspace_id,
    outcome: 'returned',
    reason: input.reason,
    chosenUserId: conversation.assignee_id,
  });
  return { events: [event], previousAssigneeId: conversation.assignee_id };
}
