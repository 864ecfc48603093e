import type { Database } from '@parley/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { ConversationRow } from '../../presenters/conversation.ts';
import type { MessageRow } from '../../presenters/message.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** Conversations with what a summary shows: visitor, assignee, last message. Scope it with `where`. */
export function selectConversationRows(db: Executor) {
  return db
    .selectFrom('conversations as c')
    .innerJoin('visitors as v', 'v.id', 'c.visitor_id')
    .leftJoin('users as a', 'a.id', 'c.assignee_id')
    .leftJoin('conversation_ratings as cr', 'cr.conversation_id', 'c.id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('messages as m')
          .select(['m.body', 'm.sender_type'])
          .whereRef('m.conversation_id', '=', 'c.id')
          // Internal notes are never a conversation's preview: visitors get summaries too.
          .where('m.kind', '=', 'reply')
          .orderBy('m.seq', 'desc')
          .limit(1)
          .as('lm'),
      (join) => join.onTrue(),
    )
    .select([
      'c.id',
      'c.inbox_id',
      'c.workspace_id',
      'c.status',
      'c.priority',
      'c.snoozed_until',
      'c.assignee_id',
      'a.name as assignee_name',
      'c.team_id',
      'c.visitor_id',
      'v.name as visitor_name',
      'v.email as visitor_email',
      'c.last_seq',
      'c.visitor_read_seq',
      'c.agent_read_seq',
      'cr.rating',
      'lm.body as last_body',
      'lm.sender_type as last_sender_type',
      'c.last_message_at',
      'c.created_at',
      'c.updated_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('conversation_participants as p')
        .select(
          sql<string[]>`coalesce(array_agg(p.user_id::text order by p.joined_at, p.user_id), '{}'::text[])`.as('ids'),
        )
        .whereRef('p.conversation_id', '=', 'c.id')
        .as('participant_ids'),
    );
}

export async function findConversationRow(db: Executor, id: string): Promise<ConversationRow | undefined> {
  return selectConversationRows(db).where('c.id', '=', id).executeTakeFirst();
}

/** Messages with their sender's name. */
export function selectMessageRows(db: Executor) {
  return db
    .selectFrom('messages as m')
    .leftJoin('users as u', (join) => join.onRef('u.id', '=', 'm.sender_id').on('m.sender_type', '=', 'agent'))
    .select([
      'm.id',
      'm.conversation_id',
      'm.seq',
      'm.client_id',
      'm.sender_type',
      'm.sender_id',
      'u.name as sender_name',
      'm.body',
      'm.created_at',
      'm.attachments',
      'm.kind',
    ]);
}

export async function findMessageRow(db: Executor, id: string): Promise<MessageRow | undefined> {
  return selectMessageRows(db).where('m.id', '=', id).executeTakeFirst();
}
