import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { presentConversationEvent } from '../../presenters/conversation-event.ts';
import { messageCreatedEvent } from '../../presenters/message.ts';
import type { ConversationEvent } from '../../protocol/events.ts';
import { selectMessageRows } from './queries.ts';

/**
 * Events with fromSeq <= seq <= toSeq, in seq order. Seqs are contiguous across messages and
 * other events, so a seq range is an exact page.
 */
export async function loadEventRange(
  db: Kysely<Database>,
  conversationId: string,
  fromSeq: number,
  toSeq: number,
): Promise<ConversationEvent[]> {
  if (toSeq < fromSeq) return [];
  const [messages, others] = await Promise.all([
    selectMessageRows(db)
      .where('m.conversation_id', '=', conversationId)
      .where('m.seq', '>=', fromSeq)
      .where('m.seq', '<=', toSeq)
      .execute(),
    db
      .selectFrom('conversation_events')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('seq', '>=', fromSeq)
      .where('seq', '<=', toSeq)
      .execute(),
  ]);
  const events = [...messages.map(messageCreatedEvent), ...others.map(presentConversationEvent)];
  return events.sort((a, b) => a.data.seq - b.data.seq);
}

/** The newest `limit` events below `beforeSeq` (or the newest overall), oldest first. */
export async function loadEventPage(
  db: Kysely<Database>,
  conversation: { id: string; lastSeq: number },
  options: { beforeSeq?: number; limit?: number },
): Promise<{ events: ConversationEvent[]; hasMore: boolean }> {
  const limit = options.limit ?? 100;
  const toSeq = Math.min(conversation.lastSeq, (options.beforeSeq ?? Number.POSITIVE_INFINITY) - 1);
  const fromSeq = Math.max(1, toSeq - limit + 1);
  const events = await loadEventRange(db, conversation.id, fromSeq, toSeq);
  return { events, hasMore: fromSeq > 1 };
}
