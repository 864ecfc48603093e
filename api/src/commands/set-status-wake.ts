import type { Database } from '@parley/db';
import type { Transaction } from 'kysely';
import type { ConversationEvent } from '../protocol/events.ts';
import { applyStatusTransition } from './set-status-transition.ts';

/** The visitor wrote: a pending or snoozed conversation is open again (before their message's seq). */
export async function wakeForVisitorMessage(
  trx: Transaction<Database>,
  conversationId: string,
  visitorId: string,
): Promise<ConversationEvent[]> {
  const current = await trx
    .selectFrom('conversations')
    .select(['status', 'snoozed_until'])
    .where('id', '=', conversationId)
    .forNoKeyUpdate()
    .executeTakeFirstOrThrow();
  if (current.status !== 'pending' && current.status !== 'snoozed') return [];
  return applyStatusTransition(
    trx,
    conversationId,
    current,
    { status: 'open' },
    { actor: { type: 'visitor', id: visitorId }, by: null, reason: 'visitor_message' },
  );
}
