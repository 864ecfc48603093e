import type { Database, Inbox } from '@parley/db';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../app-error.ts';
import { presentConversation } from '../../presenters/conversation.ts';
import { presentSummaryToVisitor } from '../../presenters/conversation-to-visitor.ts';
import { presentEventsToVisitor } from '../../presenters/visitor-event.ts';
import type { VisitorIdentity, WidgetSession } from '../../protocol/rest.ts';
import { generateToken, hashToken } from '../auth/tokens.ts';
import { loadEventPage } from '../conversations/load-events.ts';
import { selectConversationRows } from '../conversations/queries.ts';
import { runTransaction } from '../run-transaction.ts';
import { isValidIdentityHash } from './identity-hash.ts';
import { findVisitorByToken, type VisitorWithInbox } from './visitor-access.ts';

export interface SessionFacts {
  pageUrl?: string;
  language?: string;
  identity?: VisitorIdentity;
  attributes?: Record<string, string>;
}

type SessionInbox = Pick<Inbox, 'id' | 'workspace_id' | 'identity_secret' | 'require_identity'>;

/**
 * The visitor the token names in this inbox, or a new one; with their open conversation and its newest
 * events. With a valid identity it is the site's user on every device: the visitor with that user id
 * (an anonymous visitor who signs in becomes them, conversation and all).
 */
export async function startVisitorSession(
  db: Kysely<Database>,
  inbox: SessionInbox,
  token: string | undefined,
  facts: SessionFacts = {},
): Promise<WidgetSession> {
  const { identity } = facts;
  if (identity && !isValidIdentityHash(inbox.identity_secret, identity.userId, identity.hash)) {
    throw new AppError('visitor/identity_invalid', 'The identity hash does not match this user id.');
  }
  if (!identity && inbox.require_identity) {
    throw new AppError('visitor/identity_required', 'This site requires a signed-in user: identify with a valid hash.');
  }
  const { visitorId, visitorToken, isVerified } = await runTransaction(db, async (trx) => {
    const known = token ? await findVisitorByToken(trx, token) : undefined;
    const knownHere = known?.inboxId === inbox.id ? known : undefined;
    const chosen = identity
      ? await findIdentifiedVisitor(trx, inbox, knownHere, identity)
      : (knownHere && { visitorId: knownHere.visitorId, isVerified: knownHere.isVerified }) || {
          visitorId: await insertAnonymousVisitor(trx, inbox),
          isVerified: false,
        };
    const keepsToken = token !== undefined && knownHere?.visitorId === chosen.visitorId;
    const visitorToken = keepsToken ? token : await issueToken(trx, chosen.visitorId);
    await trx
      .updateTable('visitors')
      .set({
        last_seen_at: new Date(),
        page_url: facts.pageUrl ?? null,
        language: facts.language ?? null,
        ...(identity?.email ? { email: identity.email } : {}),
        ...(identity?.name ? { name: identity.name } : {}),
        ...(facts.attributes ? { attributes: JSON.stringify(facts.attributes) } : {}),
      })
      .where('id', '=', chosen.visitorId)
      .execute();
    return { ...chosen, visitorToken };
  });

  const open = await selectConversationRows(db)
    .where('c.visitor_id', '=', visitorId)
    .where('c.status', 'in', ['open', 'pending', 'snoozed'])
    .orderBy('c.created_at', 'desc')
    .executeTakeFirst();
  const session = { visitorId, token: visitorToken, isVerified };
  if (!open) return { ...session, conversation: null, events: [] };
  const { events } = await loadEventPage(db, { id: open.id, lastSeq: open.last_seq }, { limit: 100 });
  return {
    ...session,
    conversation: presentSummaryToVisitor(presentConversation(open)),
    events: presentEventsToVisitor(events),
  };
}

async function findIdentifiedVisitor(
  trx: Transaction<Database>,
  inbox: SessionInbox,
  knownHere: VisitorWithInbox | undefined,
  identity: VisitorIdentity,
): Promise<{ visitorId: string; isVerified: true }> {
  const existing = await trx
    .selectFrom('visitors')
    .select('id')
    .where('inbox_id', '=', inbox.id)
    .where('external_id', '=', identity.userId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (existing) return { visitorId: existing.id, isVerified: true };
  if (knownHere && knownHere.externalId === null) {
    // An anonymous visitor signs in: what they wrote so far carries on under their account.
    await trx
      .updateTable('visitors')
      .set({ external_id: identity.userId, is_verified: true })
      .where('id', '=', knownHere.visitorId)
      .execute();
    return { visitorId: knownHere.visitorId, isVerified: true };
  }
  // Two devices of a new user at once: the second finds the first's row.
  const inserted = await trx
    .insertInto('visitors')
    .values({
      workspace_id: inbox.workspace_id,
      inbox_id: inbox.id,
      external_id: identity.userId,
      is_verified: true,
      name: null,
      email: null,
    })
    .onConflict((conflict) =>
      conflict.columns(['inbox_id', 'external_id']).where('external_id', 'is not', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { visitorId: inserted.id, isVerified: true };
  const winner = await trx
    .selectFrom('visitors')
    .select('id')
    .where('inbox_id', '=', inbox.id)
    .where('external_id', '=', identity.userId)
    .executeTakeFirstOrThrow();
  return { visitorId: winner.id, isVerified: true };
}

async function insertAnonymousVisitor(trx: Transaction<Database>, inbox: SessionInbox): Promise<string> {
  const row = await trx
    .insertInto('visitors')
    .values({ workspace_id: inbox.workspace_id, inbox_id: inbox.id, name: null, email: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A new token for one more device of the visitor; only its hash is kept. */
async function issueToken(trx: Transaction<Database>, visitorId: string): Promise<string> {
  const token = generateToken();
  await trx
    .insertInto('visitor_tokens')
    .values({ token_hash: hashToken(token), visitor_id: visitorId })
    .execute();
  return token;
}
