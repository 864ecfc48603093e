import type { Database } from '@parley/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import { AppError, notFound } from '../app-error.ts';
import { presentConversation } from '../presenters/conversation.ts';
import { type MessageRow, messageCreatedEvent, presentMessage } from '../presenters/message.ts';
import type { Message } from '../protocol/entities.ts';
import type { ConversationEvent } from '../protocol/events.ts';
import { chooseTeam } from '../routing/choose-team.ts';
import { claimAttachments, linkAttachments } from '../services/attachments/claim-attachments.ts';
import { appendEvent } from '../services/conversations/append.ts';
import { findConversationRow } from '../services/conversations/queries.ts';
import { runTransaction } from '../services/run-transaction.ts';
import type { VisitorAppend } from './append-statement.ts';
import { checkMessageBody } from './check-body.ts';
import { findSentMessage, insertMessage } from './insert-message.ts';
import { wakeForVisitorMessage } from './set-status-wake.ts';

export interface VisitorPrincipal {
  visitorId: string;
  workspaceId: string;
  inboxId: string;
}

export interface SendOutcome {
  message: Message;
  /** Who hears about it: the conversation's workspace and visitor. */
  scope: { workspaceId: string; visitorId: string };
  /** Events this send created, in seq order; empty for a repeated client id. */
  events: ConversationEvent[];
  isNewConversation: boolean;
}

export interface VisitorSendInput {
  clientId: string;
  conversationId?: string;
  body: string;
  /** Uploads to send with it; such a send always takes the full transaction. */
  attachmentIds?: string[];
}

/**
 * Stores a visitor's message in the given conversation, or in their open one, or in a new one.
 * The common case, a send into the open conversation, is written with others in one statement when
 * `appendToOpenConversation` is given (MessageAppendBatcher); the rest is this transaction.
 * The visitor's row lock serializes their sends, so a repeated client id finds the first message
 * and two concurrent first messages cannot open two conversations.
 */
export async function sendVisitorMessage(
  db: Kysely<Database>,
  visitor: VisitorPrincipal,
  input: VisitorSendInput,
  appendToOpenConversation?: (append: VisitorAppend) => Promise<MessageRow | undefined>,
): Promise<SendOutcome> {
  const hasAttachments = Boolean(input.attachmentIds?.length);
  const body = checkMessageBody(input.body, hasAttachments);
  const scope = { workspaceId: visitor.workspaceId, visitorId: visitor.visitorId };
  const appended = hasAttachments ? undefined : await appendToOpenConversation?.({ ...visitor, ...input, body });
  if (appended) {
    return {
      message: presentMessage(appended),
      scope,
      events: [messageCreatedEvent(appended)],
      isNewConversation: false,
    };
  }
  return runTransaction(db, async (trx) => {
    // NO KEY: the lock must not block foreign-key checks (FOR KEY SHARE) of transactions holding the conversation.
    await trx.selectFrom('visitors').select('id').where('id', '=', visitor.visitorId).forNoKeyUpdate().execute();
    const repeated = await findSentMessage(trx, visitor.visitorId, input.clientId);
    if (repeated) return { message: presentMessage(repeated), scope, events: [], isNewConversation: false };

    const events: ConversationEvent[] = [];
    let conversationId = input.conversationId ?? (await findOpenConversationId(trx, visitor));
    if (input.conversationId) await checkWritable(trx, visitor, input.conversationId);
    if (!conversationId) {
      conversationId = await openConversation(trx, visitor);
      events.push(await conversationCreatedEvent(trx, conversationId));
    } else events.push(...(await wakeForVisitorMessage(trx, conversationId, visitor.visitorId)));
    const attachments = input.attachmentIds?.length
      ? await claimAttachments(trx, {
          ids: input.attachmentIds,
          workspaceId: visitor.workspaceId,
          uploader: { type: 'visitor', id: visitor.visitorId },
          conversationId,
        })
      : undefined;
    const row = await insertMessage(trx, {
      conversationId,
      sender: { type: 'visitor', id: visitor.visitorId, name: null },
      clientId: input.clientId,
      body,
      attachments,
    });
    if (attachments) await linkAttachments(trx, attachments, { id: row.id, conversationId });
    const created = messageCreatedEvent(row);
    events.push(created);
    return {
      message: presentMessage(row),
      scope,
      events,
      isNewConversation: events[0]?.type === 'conversation.created',
    };
  });
}

async function findOpenConversationId(trx: Transaction<Database>, visitor: VisitorPrincipal) {
  const row = await trx
    .selectFrom('conversations')
    .select('id')
    .where('visitor_id', '=', visitor.visitorId)
    .where('inbox_id', '=', visitor.inboxId)
    .where('status', 'in', ['open', 'pending', 'snoozed'])
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row?.id;
}

async function checkWritable(trx: Transaction<Database>, visitor: VisitorPrincipal, conversationId: string) {
  const row = await trx
    .selectFrom('conversations')
    .select('status')
    .where('id', '=', conversationId)
    .where('visitor_id', '=', visitor.visitorId)
    .where('workspace_id', '=', visitor.workspaceId)
    .executeTakeFirst();
  if (!row) throw notFound('conversation');
  if (row.status === 'resolved')
    throw new AppError(
      'conversation/resolved',
      'This conversation is resolved. Send without conversationId to start a new one.',
    );
}

async function openConversation(trx: Transaction<Database>, visitor: VisitorPrincipal): Promise<string> {
  const row = await trx
    .insertInto('conversations')
    .values({
      queued_at: sql<Date>`now()`,
      team_id: await chooseTeam(trx, visitor),
      workspace_id: visitor.workspaceId,
      inbox_id: visitor.inboxId,
      visitor_id: visitor.visitorId,
      assignee_id: null,
      last_message_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** seq 1 of every conversation: a snapshot of it as it was opened. */
async function conversationCreatedEvent(
  trx: Transaction<Database>,
  conversationId: string,
): Promise<ConversationEvent> {
  const row = await findConversationRow(trx, conversationId);
  if (!row) throw new Error(`conversation ${conversationId} vanished inside its own transaction`);
  const conversation = presentConversation({ ...row, last_seq: 1 });
  return appendEvent(
    trx,
    conversationId,
    'conversation.created',
    { conversation },
    { type: 'visitor', id: row.visitor_id },
  );
}
