import type { Database } from '@parley/db';
import type { Kysely, Transaction } from 'kysely';

/** Makes the agent a participant of the conversation; true when they were not one yet. */
export async function addParticipant(
  db: Kysely<Database> | Transaction<Database>,
  conversationId: string,
  userId: string,
): Promise<boolean> {
  const result = await db
    .insertInto('conversation_participants')
    .values({ conversation_id: conversationId, user_id: userId })
    .onConflict((oc) => oc.columns(['conversation_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return result !== undefined;
}
