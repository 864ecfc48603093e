import type { Database } from '@parley/db';
import { type Kysely, sql } from 'kysely';
import type { SearchHit, SearchQuery, SearchResult, SnippetPart } from '../../protocol/search-rest.ts';

const DEFAULT_LIMIT = 20;
// Private-use characters mark the matches in ts_headline's output; they never reach a client.
const MATCH_START = '\uE000';
const MATCH_END = '\uE001';
const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, ShortWord=2`;

/** Messages of the workspace matching the query, best match first, each with a highlighted snippet. */
export async function searchMessages(
  db: Kysely<Database>,
  workspaceId: string,
  query: SearchQuery,
): Promise<SearchResult> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const tsquery = sql`websearch_to_tsquery('simple', ${query.q})`;
  let select = db
    .selectFrom('messages as m')
    .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .innerJoin('visitors as v', 'v.id', 'c.visitor_id')
    .leftJoin('users as u', (join) => join.onRef('u.id', '=', 'm.sender_id').on('m.sender_type', '=', 'agent'))
    .select([
      'm.id',
      'm.conversation_id',
      'm.seq',
      'm.created_at',
      'm.sender_type',
      'u.name as sender_name',
      'c.status',
      'c.inbox_id',
      'c.assignee_id',
      'v.id as visitor_id',
      'v.name as visitor_name',
      'v.email as visitor_email',
      sql<string>`ts_headline('simple', m.body, ${tsquery}, ${HEADLINE_OPTIONS})`.as('headline'),
    ])
    .where('c.workspace_id', '=', workspaceId)
    .where(sql<boolean>`m.search_vector @@ ${tsquery}`);
  if (query.inboxId) select = select.where('c.inbox_id', '=', query.inboxId);
  if (query.assigneeId) select = select.where('c.assignee_id', '=', query.assigneeId);
  if (query.status) select = select.where('c.status', '=', query.status);
  if (query.from) select = select.where('m.created_at', '>=', new Date(query.from));
  if (query.to) select = select.where('m.created_at', '<', new Date(query.to));
  const rows = await select
    .orderBy(sql`ts_rank(m.search_vector, ${tsquery})`, 'desc')
    .orderBy('m.created_at', 'desc')
    .limit(limit + 1)
    .offset(query.offset ?? 0)
    .execute();

  const hits: SearchHit[] = rows.slice(0, limit).map((row) => ({
    messageId: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    at: row.created_at.toISOString(),
    sender: { type: row.sender_type, name: row.sender_name },
    snippet: splitHeadline(row.headline),
    conversation: {
      status: row.status,
      inboxId: row.inbox_id,
      assigneeId: row.assignee_id,
      visitorId: row.visitor_id,
      visitorName: row.visitor_name,
      visitorEmail: row.visitor_email,
    },
  }));
  return { hits, hasMore: rows.length > limit };
}

/** "a \uE000b\uE001 c" → [a ][b*][ c] */
export function splitHeadline(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const piece of headline.split(MATCH_START)) {
    const end = piece.indexOf(MATCH_END);
    if (end === -1) {
      if (piece) parts.push({ text: piece, isMatch: false });
      continue;
    }
    parts.push({ text: piece.slice(0, end), isMatch: true });
    const rest = piece.slice(end + 1).replaceAll(MATCH_END, '');
    if (rest) parts.push({ text: rest, isMatch: false });
  }
  return parts;
}
