import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { AppError } from '../../app-error.ts';
import type { PasswordChangeBody } from '../../protocol/profile-rest.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';

/**
 * Sets a new password once the current one is proven, and ends every other session of the user in the
 * same transaction; the session that asked lives on. Returns the ended sessions' ids.
 */
export async function changePassword(
  db: Kysely<Database>,
  userId: string,
  keepSessionId: string,
  body: PasswordChangeBody,
): Promise<string[]> {
  const user = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, body.currentPassword)))
    throw new AppError('profile/wrong_password', 'Your current password is not right.');
  const passwordHash = await hashPassword(body.newPassword);
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
    const ended = await trx
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .where('id', '!=', keepSessionId)
      .returning('id')
      .execute();
    return ended.map((row) => row.id);
  });
}
