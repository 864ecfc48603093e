import type { Database } from '@parley/db';
import { type Kysely, sql } from 'kysely';
import type { ReplyTime } from '../../protocol/entities.ts';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
/** Fewer answered conversations than this in the window say nothing worth promising: the widget shows no estimate. */
export const MIN_ANSWERED = 5;
const CACHE_MS = 10 * 60_000;

/** The bucket a median first response falls in, as Chatwoot words it: a few minutes, a few hours, a day. */
export function bucketReplyTime(medianSeconds: number): ReplyTime {
  if (medianSeconds < HOUR) return 'minutes';
  if (medianSeconds < 24 * HOUR) return 'hours';
  return 'day';
}

/**
 * The median time from a visitor's first message to the first agent reply after it, over the inbox's
 * conversations of the last 30 days that got one; null with fewer than MIN_ANSWERED of them.
 */
export async function computeReplyTime(db: Kysely<Database>, inboxId: string): Promise<ReplyTime | null> {
  const row = await sql<{ answered: number; median: number | null }>`
    with firsts as (
      select
        (select min(m.created_at) from messages m
          where m.conversation_id = c.id and m.sender_type = 'visitor') as asked_at,
        c.id
      from conversations c
      where c.inbox_id = ${inboxId} and c.created_at > now() - interval '30 days'
    ), waits as (
      select extract(epoch from (
        select min(m.created_at) from messages m
        where m.conversation_id = f.id and m.sender_type = 'agent' and m.kind = 'reply' and m.created_at >= f.asked_at
      ) - f.asked_at) as seconds
      from firsts f
      where f.asked_at is not null
    )
    select count(seconds)::int as answered,
      (percentile_cont(0.5) within group (order by seconds))::float8 as median
    from waits where seconds is not null`.execute(db);
  const result = row.rows[0];
  if (!result || result.answered < MIN_ANSWERED || result.median === null) return null;
  return bucketReplyTime(result.median);
}

/** The computed estimate, remembered per inbox for ten minutes: each page view's config asks for it. */
export function createReplyTimeCache(db: Kysely<Database>, now = () => Date.now()) {
  const cache = new Map<string, { value: ReplyTime | null; until: number }>();
  return async (inboxId: string): Promise<ReplyTime | null> => {
    const hit = cache.get(inboxId);
    if (hit && hit.until > now()) return hit.value;
    const value = await computeReplyTime(db, inboxId);
    cache.set(inboxId, { value, until: now() + CACHE_MS });
    return value;
  };
}
