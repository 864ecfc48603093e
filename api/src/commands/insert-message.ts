import type { ActorType, Database, MessageAttachmentMeta } from '@parley/db';
import type { Transaction } from 'kysely';
import type { MessageRow } from '../presenters/message.ts';
import { allocateSeq } from '../services/conversations/append.ts';

const MESSAGE_COLUMNS = [
  'id',
  'conversation_id',
  'seq',
  'sender_type',
  'sender_id',
  'client_id',
  'body',
  'created_at',
  'attachments',
  'kind',
] as const;

export interface NewMessageInput {
  conversationId: string;
  sender: { type: ActorType; id: string; name: string | null };
  clientId: string;
  body: string;
  /** Claimed uploads (services/attachments/claim-attachments.ts). */
  attachments?: MessageAttachmentMeta[];
  /** An internal note is agents-only and, not being an answer, leaves last_message_at alone. */
  kind?: 'reply' | 'note';
}

/** Inserts a message under the conversation's next seq. Call with the conversation's row lock held. */
export async function insertMessage(trx: Transaction<Database>, input: NewMessageInput): Promise<MessageRow> {
  const kind = input.kind ?? 'reply';
  const seq = await allocateSeq(trx, input.conversationId, { isMessage: kind === 'reply' });
  const row = await trx
    .insertInto('messages')
    .values({
      conversation_id: input.conversationId,
      seq,
      sender_type: input.sender.type,
      sender_id: input.sender.id,
      client_id: input.clientId,
      body: input.body,
      attachments: input.attachments?.length ? JSON.stringify(input.attachments) : null,
      kind,
    })
    .returning(MESSAGE_COLUMNS)
    .executeTakeFirstOrThrow();
  return { ...row, sender_name: input.sender.name };
}

/** A message this sender already sent with this client id: the answer to a retried send. */
export async function findSentMessage(
  trx: Transaction<Database>,
  senderId: string,
  clientId: string,
): Promise<MessageRow | undefined> {
  return trx
    .selectFrom('messages as m')
    .leftJoin('users as u', (join) => join.onRef('u.id', '=', 'm.sender_id').on('m.sender_type', '=', 'agent'))
    .select(MESSAGE_COLUMNS.map((column) => `m.${column}` as const))
    .select('u.name as sender_name')
    .where('m.sender_id', '=', senderId)
    .where('m.client_id', '=', clientId)
    .executeTakeFirst();
}
