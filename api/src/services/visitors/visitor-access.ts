import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { AppError } from '../../app-error.ts';
import { hashToken } from '../auth/tokens.ts';

export interface VisitorWithInbox {
  visitorId: string;
  workspaceId: string;
  inboxId: string;
  allowedOrigins: string[];
  /** The site's user id when identified with a valid hash. */
  externalId: string | null;
  isVerified: boolean;
  requireIdentity: boolean;
}

/** The visitor a token belongs to, with the origins their inbox accepts. */
export async function findVisitorByToken(db: Kysely<Database>, token: string): Promise<VisitorWithInbox | undefined> {
  const row = await db
    .selectFrom('visitor_tokens as t')
    .innerJoin('visitors as v', 'v.id', 't.visitor_id')
    .innerJoin('inboxes as i', 'i.id', 'v.inbox_id')
    .select([
      'v.id',
      'v.workspace_id',
      'v.inbox_id',
      'v.external_id',
      'v.is_verified',
      'i.allowed_origins',
      'i.require_identity',
    ])
    .where('t.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    visitorId: row.id,
    workspaceId: row.workspace_id,
    inboxId: row.inbox_id,
    allowedOrigins: row.allowed_origins,
    externalId: row.external_id,
    isVerified: row.is_verified,
    requireIdentity: row.require_identity,
  };
}

/** An inbox that requires identity lets an unverified visitor neither read nor write. */
export function checkIdentityRequirement(visitor: Pick<VisitorWithInbox, 'isVerified' | 'requireIdentity'>): void {
  if (visitor.requireIdentity && !visitor.isVerified) {
    throw new AppError('visitor/identity_required', 'This site requires a signed-in user: identify with a valid hash.');
  }
}

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(authorization ?? '');
  return match?.[1];
}
