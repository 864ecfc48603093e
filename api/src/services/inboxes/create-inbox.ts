import { randomBytes } from 'node:crypto';
import type { Database, Role } from '@parley/db';
import type { Kysely } from 'kysely';
import { AppError } from '../../app-error.ts';
import { runTransaction } from '../run-transaction.ts';

/**
 * Owners and admins add inboxes. It starts with no allowed origins (no site can use it until they add
 * one) and, like the first inbox for an invited member, everyone in the workspace answers it.
 */
export async function createInbox(db: Kysely<Database>, actor: { workspaceId: string; role: Role }, name: string) {
  if (actor.role === 'agent') throw new AppError('auth/forbidden', 'Only owners and admins can create inboxes.');
  const workspace = await db
    .selectFrom('workspaces')
    .select('name')
    .where('id', '=', actor.workspaceId)
    .executeTakeFirstOrThrow();
  return runTransaction(db, async (trx) => {
    const inbox = await trx
      .insertInto('inboxes')
      .values({
        workspace_id: actor.workspaceId,
        name: name.trim(),
        site_key: `pk_${randomBytes(12).toString('hex')}`,
        allowed_origins: JSON.stringify([]),
        appearance: JSON.stringify({
          color: '#4f46e5',
          title: workspace.name,
          greeting: 'Hi! How can we help?',
          position: 'right',
        }),
        identity_secret: randomBytes(32).toString('hex'),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('inbox_members')
      .columns(['inbox_id', 'user_id'])
      .expression((eb) =>
        eb
          .selectFrom('memberships')
          .select((s) => [s.val(inbox.id).as('inbox_id'), 'user_id'])
          .where('workspace_id', '=', actor.workspaceId),
      )
      .execute();
    return inbox;
  });
}
