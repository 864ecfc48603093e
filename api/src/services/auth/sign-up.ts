import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { AppError } from '../../app-error.ts';
import type { SignupBody } from '../../protocol/rest.ts';
import { createDefaultInbox } from '../inboxes/create-default-inbox.ts';
import { hashPassword } from './passwords.ts';

export interface SignupOptions {
  /** Origins the new workspace's default inbox accepts the widget from. */
  defaultAllowedOrigins: string[];
}

/** A new user who owns a new workspace with a default inbox. */
export async function signUp(db: Kysely<Database>, body: SignupBody, options: SignupOptions) {
  const passwordHash = await hashPassword(body.password);
  try {
    return await db.transaction().execute(async (trx) => {
      const user = await trx
        .insertInto('users')
        .values({ email: body.email.trim(), name: body.name.trim(), password_hash: passwordHash })
        .returning(['id', 'email', 'name'])
        .executeTakeFirstOrThrow();
      const workspace = await trx
        .insertInto('workspaces')
        .values({ name: body.workspaceName?.trim() || `${user.name}'s team` })
        .returning(['id', 'name'])
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('memberships')
        .values({ workspace_id: workspace.id, user_id: user.id, role: 'owner' })
        .execute();
      const inbox = await createDefaultInbox(trx, workspace, options.defaultAllowedOrigins);
      await trx.insertInto('inbox_members').values({ inbox_id: inbox.id, user_id: user.id }).execute();
      return { user, workspace, role: 'owner' as const };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('auth/email_taken', 'An account with this email already exists. Sign in instead.');
    throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}
