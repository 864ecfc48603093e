import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { hashToken } from '../auth/tokens.ts';

export interface VisitorWithInbox {
  visitorId: string;
  workspaceId: string;
  inboxId: string;
  allowedOrigins: string[];
}

/** The visitor a token belongs to, with the origins their inbox accepts. */
export async function findVisitorByToken(db: Kysely<Database>, token: string): Promise<VisitorWithInbox | undefined> {
  const row = await db
    .selectFrom('visitors as v')
    .innerJoin('inboxes as i', 'i.id', 'v.inbox_id')
    .select(['v.id', 'v.workspace_id', 'v.inbox_id', 'i.allowed_origins'])
    .where('v.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    visitorId: row.id,
    workspaceId: row.workspace_id,
    inboxId: row.inbox_id,
    allowedOrigins: row.allowed_origins,
  };
}

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(authorization ?? '');
  return match?.[1];
}
