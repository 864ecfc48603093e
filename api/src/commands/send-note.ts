import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { notFound } from '../app-error.ts';
import { type MessageRow, messageCreatedEvent, presentMessage } from '../presenters/message.ts';
import type { Message } from '../protocol/entities.ts';
import type { ConversationEvent } from '../protocol/events.ts';
import { isUniqueViolation } from '../services/auth/sign-up.ts';
import { recordMentions, type StoredMention } from '../services/mentions/record-mentions.ts';
import { addParticipant } from '../services/participants/add-participant.ts';
import { runTransaction } from '../services/run-transaction.ts';
import { checkMessageBody } from './check-body.ts';
import { findSentMessage, insertMessage } from './insert-message.ts';
import type { AgentActor } from './send-agent-message.ts';

export interface NoteOutcome {
  message: Message;
  scope: { workspaceId: string; visitorId: string };
  /** Empty for a retried send: nothing new to announce. */
  events: ConversationEvent[];
  mentions: StoredMention[];
  isNewParticipant: boolean;
}

/**
 * Stores an internal note under the conversation's next seq, with its mentions, and makes its author a
 * participant; one transaction. Unlike a reply it neither reopens, nor assigns, nor counts as an answer
 * (last_message_at and the unanswered-assignment check look at replies only).
 */
export async function sendNote(
  db: Kysely<Database>,
  agent: AgentActor,
  input: { clientId: string; conversationId: string; body: string },
): Promise<NoteOutcome> {
  const body = checkMessageBody(input.body);
  try {
    return await runTransaction(db, async (trx) => {
      const conversation = await trx
        .selectFrom('conversations')
        .select(['id', 'visitor_id'])
        .where('id', '=', input.conversationId)
        .where('workspace_id', '=', agent.workspaceId)
        .forNoKeyUpdate()
        .executeTakeFirst();
      if (!conversation) throw notFound('conversation');
      const scope = { workspaceId: agent.workspaceId, visitorId: conversation.visitor_id };
      const repeated = await findSentMessage(trx, agent.userId, input.clientId);
      if (repeated) return repeatedOutcome(repeated, scope);

      const user = await trx
        .selectFrom('users')
        .select('name')
        .where('id', '=', agent.userId)
        .executeTakeFirstOrThrow();
      const message = await insertMessage(trx, {
        conversationId: conversation.id,
        sender: { type: 'agent', id: agent.userId, name: user.name },
        clientId: input.clientId,
        body,
        kind: 'note',
      });
      const mentions = await recordMentions(trx, {
        workspaceId: agent.workspaceId,
        conversationId: conversation.id,
        messageId: message.id,
        authorId: agent.userId,
        body,
      });
      const isNewParticipant = await addParticipant(trx, conversation.id, agent.userId);
      return {
        message: presentMessage(message),
        scope,
        events: [messageCreatedEvent(message)],
        mentions,
        isNewParticipant,
      };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same client id was used concurrently; that send won and announced itself.
    return db.transaction().execute(async (trx) => {
      const repeated = await findSentMessage(trx, agent.userId, input.clientId);
      if (!repeated) throw error;
      return repeatedOutcome(repeated, { workspaceId: agent.workspaceId, visitorId: '' });
    });
  }
}

function repeatedOutcome(row: MessageRow, scope: NoteOutcome['scope']): NoteOutcome {
  return { message: presentMessage(row), scope, events: [], mentions: [], isNewParticipant: false };
}
