import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import type { Invitation } from '../../protocol/member-rest.ts';

/** The workspace's open invitations (neither accepted nor revoked; expired ones too), newest first; or just one with `invitationId`. */
export async function loadOpenInvitations(
  db: Kysely<Database>,
  workspaceId: string,
  invitationId?: string,
): Promise<Invitation[]> {
  let query = db
    .selectFrom('invitations as i')
    .leftJoin('users as u', 'u.id', 'i.invited_by')
    .select([
      'i.id',
      'i.email',
      'i.role',
      'i.created_at',
      'i.expires_at',
      'u.id as inviter_id',
      'u.name as inviter_name',
    ])
    .where('i.workspace_id', '=', workspaceId)
    .where('i.accepted_at', 'is', null)
    .where('i.revoked_at', 'is', null);
  if (invitationId !== undefined) query = query.where('i.id', '=', invitationId);
  const rows = await query.orderBy('i.created_at', 'desc').orderBy('i.id').execute();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.inviter_id && row.inviter_name ? { id: row.inviter_id, name: row.inviter_name } : null,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
  }));
}
