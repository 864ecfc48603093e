import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { notFound } from '../app-error.ts';
import { messageCreatedEvent, presentMessage } from '../presenters/message.ts';
import type { ConversationEvent } from '../protocol/events.ts';
import { assignConversation } from '../routing/assign-conversation.ts';
import { claimAttachments, linkAttachments } from '../services/attachments/claim-attachments.ts';
import { isUniqueViolation } from '../services/auth/sign-up.ts';
import { appendEvent } from '../services/conversations/append.ts';
import { addParticipant } from '../services/participants/add-participant.ts';
import { runTransaction } from '../services/run-transaction.ts';
import type { AgentAppend, AppendedRow } from './append-statement.ts';
import { checkMessageBody } from './check-body.ts';
import { findSentMessage, insertMessage } from './insert-message.ts';
import type { SendOutcome } from './send-visitor-message.ts';

export interface AgentActor {
  userId: string;
  workspaceId: string;
}

export interface AgentSendOutcome extends SendOutcome {
  /** The reply made its author a participant of the conversation (stored in the same transaction). */
  isNewParticipant: boolean;
}

/**
 * Stores an agent's reply, with other messages in one statement when the conversation is open and assigned
 * and `appendToOpenConversation` is given (MessageAppendBatcher), else in the transaction below. Replying
 * reopens a resolved conversation and takes an unassigned one, as agents of other help desks expect, and
 * makes the agent a participant.
 */
export async function sendAgentMessage(
  db: Kysely<Database>,
  agent: AgentActor,
  input: { clientId: string; conversationId: string; body: string; attachmentIds?: string[] },
  appendToOpenConversation?: (append: AgentAppend) => Promise<AppendedRow | undefined>,
): Promise<AgentSendOutcome> {
  const hasAttachments = Boolean(input.attachmentIds?.length);
  const body = checkMessageBody(input.body, hasAttachments);
  const { clientId, conversationId } = input;
  const appended = hasAttachments
    ? undefined
    : await appendToOpenConversation?.({
        clientId,
        conversationId,
        body,
        userId: agent.userId,
        workspaceId: agent.workspaceId,
      });
  if (appended?.visitor_id) {
    const scope = { workspaceId: agent.workspaceId, visitorId: appended.visitor_id };
    return {
      message: presentMessage(appended),
      scope,
      events: [messageCreatedEvent(appended)],
      isNewConversation: false,
      isNewParticipant: appended.joined === true,
    };
  }
  try {
    return await runTransaction(db, async (trx) => {
      const conversation = await trx
        .selectFrom('conversations')
        .select(['id', 'status', 'assignee_id', 'visitor_id'])
        .where('id', '=', input.conversationId)
        .where('workspace_id', '=', agent.workspaceId)
        .forNoKeyUpdate()
        .executeTakeFirst();
      if (!conversation) throw notFound('conversation');
      const scope = { workspaceId: agent.workspaceId, visitorId: conversation.visitor_id };
      const repeated = await findSentMessage(trx, agent.userId, input.clientId);
      if (repeated)
        return {
          message: presentMessage(repeated),
          scope,
          events: [],
          isNewConversation: false,
          isNewParticipant: false,
        };

      const user = await trx
        .selectFrom('users')
        .select('name')
        .where('id', '=', agent.userId)
        .executeTakeFirstOrThrow();
      const actor = { type: 'agent' as const, id: agent.userId };
      const events: ConversationEvent[] = [];
      if (conversation.status === 'resolved') {
        await trx.updateTable('conversations').set({ status: 'open' }).where('id', '=', conversation.id).execute();
        events.push(await appendEvent(trx, conversation.id, 'conversation.reopened', {}, actor));
      }
      if (!conversation.assignee_id) {
        events.push(
          await assignConversation(trx, {
            conversationId: conversation.id,
            workspaceId: agent.workspaceId,
            agent: { id: agent.userId, name: user.name },
            actor,
          }),
        );
      }
      const attachments = input.attachmentIds?.length
        ? await claimAttachments(trx, {
            ids: input.attachmentIds,
            workspaceId: agent.workspaceId,
            uploader: { type: 'agent', id: agent.userId },
            conversationId: conversation.id,
          })
        : undefined;
      const row = await insertMessage(trx, {
        conversationId: conversation.id,
        sender: { type: 'agent', id: agent.userId, name: user.name },
        clientId: input.clientId,
        body,
        attachments,
      });
      if (attachments) await linkAttachments(trx, attachments, { id: row.id, conversationId: conversation.id });
      const isNewParticipant = await addParticipant(trx, conversation.id, agent.userId);
      events.push(messageCreatedEvent(row));
      return { message: presentMessage(row), scope, events, isNewConversation: false, isNewParticipant };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same client id was used concurrently in another conversation; that send won.
    return db.transaction().execute(async (trx) => {
      const repeated = await findSentMessage(trx, agent.userId, input.clientId);
      if (!repeated) throw error;
      // Nothing new happened, so nobody needs to hear about it: an empty scope is never published to.
      return {
        message: presentMessage(repeated),
        scope: { workspaceId: agent.workspaceId, visitorId: '' },
        events: [],
        isNewConversation: false,
        isNewParticipant: false,
      };
    });
  }
}
