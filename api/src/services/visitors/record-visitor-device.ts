import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import type { VisitorPage } from '../../protocol/visitor-rest.ts';
import { isKnownTimeZone } from '../../routing/zoned-time.ts';
import { runTransaction } from '../run-transaction.ts';

/** Page views kept per visitor; older ones are deleted as new ones come. */
export const PAGE_VIEWS_KEPT = 20;
const USER_AGENT_MAX = 1000;

export interface DeviceFacts {
  userAgent?: string;
  timeZone?: string;
  page?: VisitorPage;
}

/**
 * Notes what a widget session says of the visitor's device and page: user agent, time zone, the page
 * (as the current one, and as a page view unless it is the page last viewed: a reload or an `identify`
 * on the same page is not a new view).
 */
export async function recordVisitorDevice(db: Kysely<Database>, visitorId: string, facts: DeviceFacts): Promise<void> {
  const { page } = facts;
  await runTransaction(db, async (trx) => {
    await trx
      .updateTable('visitors')
      .set({
        // Also locks the row, so two sessions of one visitor note their page views one after the other.
        last_seen_at: new Date(),
        page_title: page?.title ?? null,
        ...(facts.userAgent ? { user_agent: facts.userAgent.slice(0, USER_AGENT_MAX) } : {}),
        ...(facts.timeZone && isKnownTimeZone(facts.timeZone) ? { time_zone: facts.timeZone } : {}),
      })
      .where('id', '=', visitorId)
      .execute();
    if (!page) return;
    const latest = await trx
      .selectFrom('visitor_page_views')
      .select(['id', 'url'])
      .where('visitor_id', '=', visitorId)
      .orderBy('viewed_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (latest?.url === page.url) {
      await trx
        .updateTable('visitor_page_views')
        .set({ title: page.title ?? null, viewed_at: new Date() })
        .where('id', '=', latest.id)
        .execute();
      return;
    }
    await trx
      .insertInto('visitor_page_views')
      .values({ visitor_id: visitorId, url: page.url, title: page.title ?? null })
      .execute();
    await trx
      .deleteFrom('visitor_page_views')
      .where('visitor_id', '=', visitorId)
      .where(
        'id',
        'not in',
        trx
          .selectFrom('visitor_page_views')
          .select('id')
          .where('visitor_id', '=', visitorId)
          .orderBy('viewed_at', 'desc')
          .limit(PAGE_VIEWS_KEPT),
      )
      .execute();
  });
}
