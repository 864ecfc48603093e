import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { AppError } from '../../app-error.ts';
import type { InvitationAcceptBody } from '../../protocol/member-rest.ts';
import { hashPassword } from '../auth/passwords.ts';
import { isUniqueViolation } from '../auth/sign-up.ts';
import { runTransaction } from '../run-transaction.ts';
import { findUsableInvitation } from './find-invitation.ts';

/**
 * Creates the invitee's account as a member of the inviting workspace, answering every one of its
 * inboxes, and uses the invitation up. An unusable invitation or a taken email creates nothing.
 */
export async function acceptInvitation(
  db: Kysely<Database>,
  token: string,
  body: InvitationAcceptBody,
): Promise<{ userId: string }> {
  await findUsableInvitation(db, token);
  const passwordHash = await hashPassword(body.password);
  try {
    return await runTransaction(db, async (trx) => {
      const invitation = await findUsableInvitation(trx, token, { lock: true });
      const user = await trx
        .insertInto('users')
        .values({ email: invitation.email, name: body.name.trim(), password_hash: passwordHash })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('memberships')
        .values({ workspace_id: invitation.workspaceId, user_id: user.id, role: invitation.role })
        .execute();
      await trx
        .insertInto('inbox_members')
        .columns(['inbox_id', 'user_id'])
        .expression((eb) =>
          eb
            .selectFrom('inboxes')
            .select((s) => ['id', s.val(user.id).as('user_id')])
            .where('workspace_id', '=', invitation.workspaceId),
        )
        .execute();
      await trx.updateTable('invitations').set({ accepted_at: new Date() }).where('id', '=', invitation.id).execute();
      return { userId: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError(
        'auth/email_taken',
        'This email already has a Parley account. Ask for an invitation to another address.',
      );
    throw error;
  }
}
