import type { Database } from '@parley/db';
import type { Kysely, Transaction } from 'kysely';

/** The agent takes part in the conversation no more; true when they did. */
export async function removeParticipant(
  db: Kysely<Database> | Transaction<Database>,
  conversationId: string,
  userId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('conversation_participants')
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
