import type { ActorType, Database } from '@parley/db';
import { sql, type Transaction } from 'kysely';
import { presentConversationEvent } from '../../presenters/conversation-event.ts';
import type { ConversationEvent } from '../../protocol/events.ts';

/**
 * The next seq of a conversation. The UPDATE takes the conversation's row lock, so seqs are handed
 * out one transaction at a time and stay contiguous; it also marks the conversation as updated.
 */
export async function allocateSeq(
  trx: Transaction<Database>,
  conversationId: string,
  options: { isMessage?: boolean } = {},
): Promise<number> {
  // now() is the transaction's start, the same instant the message row's created_at defaults to.
  const row = await trx
    .updateTable('conversations')
    .set((eb) => ({
      last_seq: eb('last_seq', '+', 1),
      updated_at: sql<Date>`now()`,
      ...(options.isMessage ? { last_message_at: sql<Date>`now()` } : {}),
    }))
    .where('id', '=', conversationId)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq;
}

export interface Actor {
  type: ActorType;
  id: string | null;
}

/** Stores a non-message event under the next seq and returns it as it travels. */
export async function appendEvent(
  trx: Transaction<Database>,
  conversationId: string,
  type: Exclude<ConversationEvent['type'], 'message.created'>,
  data: Record<string, unknown>,
  actor: Actor,
): Promise<ConversationEvent> {
  const seq = await allocateSeq(trx, conversationId);
  const row = await trx
    .insertInto('conversation_events')
    .values({
      conversation_id: conversationId,
      seq,
      type,
      data: JSON.stringify(data),
      actor_type: actor.type,
      actor_id: actor.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return presentConversationEvent(row);
}
