import type { Database } from '@parley/db';
import { type Kysely, sql } from 'kysely';
import { AppError } from '../../app-error.ts';
import type { LoginBody } from '../../protocol/rest.ts';
import { hasActiveMembership } from '../members/set-member-active.ts';
import { verifyAgainstDecoy, verifyPassword } from './passwords.ts';

/** The user's id when the password is right; the same error, after the same work, when anything is wrong. */
export async function checkCredentials(db: Kysely<Database>, body: LoginBody): Promise<string> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where(sql<string>`lower(email)`, '=', body.email.trim().toLowerCase())
    .executeTakeFirst();
  const isValid = user
    ? await verifyPassword(user.password_hash, body.password)
    : await verifyAgainstDecoy(body.password);
  if (!user || !isValid) throw new AppError('auth/invalid_credentials', 'Wrong email or password.');
  // Said only to whoever knows the password: it reveals nothing about the account to anyone else.
  if (!(await hasActiveMembership(db, user.id)))
    throw new AppError(
      'auth/deactivated',
      'Your account has been deactivated. Ask an owner or admin of your workspace.',
    );
  return user.id;
}
