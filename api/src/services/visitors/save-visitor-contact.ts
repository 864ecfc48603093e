import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';

/**
 * Stores the email a visitor typed to get replies by email. It is contact information only: an email
 * typed into a form never proves who someone is. Only the token's own visitor row is written.
 */
export async function saveVisitorContact(db: Kysely<Database>, visitorId: string, email: string): Promise<void> {
  await db.updateTable('visitors').set({ email: email.trim() }).where('id', '=', visitorId).execute();
}
