import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { AppError } from '../../app-error.ts';
import type { VisitorProfile } from '../../protocol/visitor-rest.ts';
import { parseBrowser, parseOperatingSystem } from './parse-user-agent.ts';
import { PAGE_VIEWS_KEPT } from './record-visitor-device.ts';

export const visitorNotFound = () => new AppError('visitor/not_found', 'No such visitor.');

/** The id of this workspace's visitor; another workspace's answers exactly like a missing one. */
export async function findVisitorOfWorkspace(db: Kysely<Database>, workspaceId: string, visitorId: string) {
  const row = await db
    .selectFrom('visitors')
    .select('id')
    .where('id', '=', visitorId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!row) throw visitorNotFound();
  return row.id;
}

/** What an agent of the visitor's workspace sees of them in the sidebar. */
export async function loadVisitorProfile(
  db: Kysely<Database>,
  workspaceId: string,
  visitorId: string,
): Promise<VisitorProfile> {
  const visitor = await db
    .selectFrom('visitors')
    .selectAll()
    .where('id', '=', visitorId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!visitor) throw visitorNotFound();
  const pageViews = await db
    .selectFrom('visitor_page_views')
    .select(['url', 'title', 'viewed_at'])
    .where('visitor_id', '=', visitor.id)
    .orderBy('viewed_at', 'desc')
    .limit(PAGE_VIEWS_KEPT)
    .execute();
  const userAgent = visitor.user_agent;
  return {
    id: visitor.id,
    inboxId: visitor.inbox_id,
    name: visitor.name,
    email: visitor.email,
    externalId: visitor.external_id,
    isVerified: visitor.is_verified,
    attributes: visitor.attributes ?? {},
    currentPage: visitor.page_url ? { url: visitor.page_url, title: visitor.page_title } : null,
    pageViews: pageViews.map((view) => ({ url: view.url, title: view.title, viewedAt: view.viewed_at.toISOString() })),
    device: {
      userAgent,
      browser: userAgent ? parseBrowser(userAgent) : null,
      os: userAgent ? parseOperatingSystem(userAgent) : null,
      timeZone: visitor.time_zone,
    },
    createdAt: visitor.created_at.toISOString(),
    lastSeenAt: visitor.last_seen_at.toISOString(),
  };
}
