import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { MENTION_EXCERPT_LENGTH, type Mention } from '../../protocol/note-rest.ts';

type Reader = { workspaceId: string; userId: string };

function selectMentions(db: Kysely<Database>, reader: Reader) {
  return db
    .selectFrom('mentions as mn')
    .innerJoin('messages as m', 'm.id', 'mn.message_id')
    .innerJoin('conversations as c', 'c.id', 'mn.conversation_id')
    .innerJoin('visitors as v', 'v.id', 'c.visitor_id')
    .leftJoin('users as a', 'a.id', 'mn.author_id')
    .select([
      'mn.id',
      'mn.conversation_id',
      'mn.message_id',
      'm.seq',
      'm.body',
      'mn.author_id',
      'a.name as author_name',
      'v.id as visitor_id',
      'v.name as visitor_name',
      'mn.created_at',
      'mn.read_at',
    ])
    .where('mn.workspace_id', '=', reader.workspaceId)
    .where('c.workspace_id', '=', reader.workspaceId)
    .where('mn.user_id', '=', reader.userId);
}

type MentionRow = Awaited<ReturnType<ReturnType<typeof selectMentions>['execute']>>[number];

function presentMention(row: MentionRow): Mention {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    messageId: row.message_id,
    seq: row.seq,
    author: row.author_id && row.author_name ? { id: row.author_id, name: row.author_name } : null,
    excerpt: row.body.slice(0, MENTION_EXCERPT_LENGTH),
    visitorId: row.visitor_id,
    visitorName: row.visitor_name,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

/** The reader's mentions: unread first, then newest first. */
export async function loadMentions(
  db: Kysely<Database>,
  reader: Reader,
  options: { limit?: number; isUnreadOnly?: boolean } = {},
): Promise<Mention[]> {
  let query = selectMentions(db, reader);
  if (options.isUnreadOnly) query = query.where('mn.read_at', 'is', null);
  const rows = await query
    .orderBy((eb) => eb.case().when('mn.read_at', 'is', null).then(0).else(1).end())
    .orderBy('mn.created_at', 'desc')
    .orderBy('mn.id', 'desc')
    .limit(options.limit ?? 50)
    .execute();
  return rows.map(presentMention);
}

export async function loadMention(
  db: Kysely<Database>,
  reader: Reader,
  mentionId: string,
): Promise<Mention | undefined> {
  const row = await selectMentions(db, reader).where('mn.id', '=', mentionId).executeTakeFirst();
  return row && presentMention(row);
}

export async function countUnreadMentions(db: Kysely<Database>, reader: Reader): Promise<number> {
  const row = await db
    .selectFrom('mentions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('workspace_id', '=', reader.workspaceId)
    .where('user_id', '=', reader.userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
