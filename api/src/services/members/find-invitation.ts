import type { Database } from '@parley/db';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../app-error.ts';
import type { InvitationPreview } from '../../protocol/member-rest.ts';
import { hashToken } from '../auth/tokens.ts';

export interface UsableInvitation {
  id: string;
  workspaceId: string;
  email: string;
  role: InvitationPreview['role'];
  preview: InvitationPreview;
}

/**
 * The invitation a link's token names, if it can still be accepted; otherwise a 404 whose code says why
 * (unknown, expired, revoked, used). With `lock`, the row is held until the transaction ends.
 */
export async function findUsableInvitation(
  db: Kysely<Database> | Transaction<Database>,
  token: string,
  options: { lock?: boolean } = {},
): Promise<UsableInvitation> {
  let query = db
    .selectFrom('invitations as i')
    .innerJoin('workspaces as w', 'w.id', 'i.workspace_id')
    .leftJoin('users as u', 'u.id', 'i.invited_by')
    .select([
      'i.id',
      'i.workspace_id',
      'i.email',
      'i.role',
      'i.expires_at',
      'i.accepted_at',
      'i.revoked_at',
      'w.name as workspace_name',
      'u.name as inviter_name',
    ])
    .where('i.token_hash', '=', hashToken(token));
  if (options.lock) query = query.forUpdate('i');
  const row = await query.executeTakeFirst();
  if (!row)
    throw new AppError('invitation/not_found', 'This invitation link is not valid. Check that you copied all of it.');
  if (row.accepted_at)
    throw new AppError(
      'invitation/used',
      'This invitation has already been used. Sign in with the account it created.',
    );
  if (row.revoked_at) throw new AppError('invitation/revoked', 'This invitation was withdrawn. Ask for a new one.');
  if (row.expires_at.getTime() <= Date.now())
    throw new AppError('invitation/expired', 'This invitation has expired. Ask for a new one.');
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    email: row.email,
    role: row.role,
    preview: {
      workspaceName: row.workspace_name,
      email: row.email,
      role: row.role,
      invitedByName: row.inviter_name,
      expiresAt: row.expires_at.toISOString(),
    },
  };
}
