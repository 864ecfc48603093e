import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { notFound } from '../app-error.ts';
import { presentConversation } from '../presenters/conversation.ts';
import type { ConversationSummary } from '../protocol/entities.ts';
import type { ConversationEvent } from '../protocol/events.ts';
import { appendEvent } from '../services/conversations/append.ts';
import { findConversationRow } from '../services/conversations/queries.ts';
import { runTransaction } from '../services/run-transaction.ts';
import { findActor } from './find-actor.ts';
import type { AgentActor } from './send-agent-message.ts';

/** Marks a conversation resolved. Resolving a resolved conversation changes nothing and succeeds. */
export async function resolveConversation(
  db: Kysely<Database>,
  agent: AgentActor,
  conversationId: string,
): Promise<{ conversation: ConversationSummary; events: ConversationEvent[] }> {
  return runTransaction(db, async (trx) => {
    const current = await trx
      .selectFrom('conversations')
      .select('status')
      .where('id', '=', conversationId)
      .where('workspace_id', '=', agent.workspaceId)
      .forNoKeyUpdate()
      .executeTakeFirst();
    if (!current) throw notFound('conversation');
    const events: ConversationEvent[] = [];
    if (current.status !== 'resolved') {
      await trx
        .updateTable('conversations')
        .set({ status: 'resolved', snoozed_until: null })
        .where('id', '=', conversationId)
        .execute();
      const user = await findActor(trx, agent);
      events.push(
        await appendEvent(
          trx,
          conversationId,
          'conversation.resolved',
          { by: user },
          { type: 'agent', id: agent.userId },
        ),
      );
    }
    const row = await findConversationRow(trx, conversationId);
    if (!row) throw notFound('conversation');
    return { conversation: presentConversation(row), events };
  });
}
