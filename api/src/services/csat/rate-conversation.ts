import type { Database } from '@parley/db';
import { type Kysely, sql } from 'kysely';
import { AppError, notFound } from '../../app-error.ts';
import { RATING_CHANGE_WINDOW_HOURS, type RatingBody } from '../../protocol/csat-rest.ts';
import type { ConversationEvent } from '../../protocol/events.ts';
import { appendEvent } from '../conversations/append.ts';
import { runTransaction } from '../run-transaction.ts';

export interface RatingVisitor {
  visitorId: string;
  workspaceId: string;
}

/**
 * Stores the visitor's CSAT for their own resolved conversation and records `conversation.rated`
 * under the next seq. A new rating within 24 h of the first replaces it; later ones are refused.
 */
export async function rateConversation(
  db: Kysely<Database>,
  visitor: RatingVisitor,
  conversationId: string,
  input: RatingBody,
): Promise<{ event: ConversationEvent }> {
  const comment = input.comment?.trim() || null;
  return runTransaction(db, async (trx) => {
    const conversation = await trx
      .selectFrom('conversations')
      .select('status')
      .where('id', '=', conversationId)
      .where('workspace_id', '=', visitor.workspaceId)
      .where('visitor_id', '=', visitor.visitorId)
      .forNoKeyUpdate()
      .executeTakeFirst();
    if (!conversation) throw notFound('conversation');
    if (conversation.status !== 'resolved') {
      throw new AppError('csat/not_resolved', 'A conversation can be rated once it is resolved.');
    }
    const previous = await trx
      .selectFrom('conversation_ratings')
      .select(
        sql<boolean>`created_at > now() - make_interval(hours => ${RATING_CHANGE_WINDOW_HOURS})`.as('isChangeable'),
      )
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
    if (previous && !previous.isChangeable) {
      throw new AppError(
        'csat/change_window_closed',
        `A rating can be changed only within ${RATING_CHANGE_WINDOW_HOURS} hours of giving it.`,
      );
    }
    await trx
      .insertInto('conversation_ratings')
      .values({ conversation_id: conversationId, workspace_id: visitor.workspaceId, rating: input.rating, comment })
      .onConflict((oc) =>
        oc.column('conversation_id').doUpdateSet({ rating: input.rating, comment, updated_at: sql<Date>`now()` }),
      )
      .execute();
    const event = await appendEvent(
      trx,
      conversationId,
      'conversation.rated',
      { rating: input.rating, comment },
      { type: 'visitor', id: visitor.visitorId },
    );
    return { event };
  });
}
