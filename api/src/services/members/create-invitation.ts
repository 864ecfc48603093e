import type { Database } from '@parley/db';
import { type Kysely, sql } from 'kysely';
import { AppError } from '../../app-error.ts';
import type { AgentPrincipal } from '../../plugins/agent-auth.ts';
import { INVITATION_TTL_DAYS, type InvitationCreateBody } from '../../protocol/member-rest.ts';
import { generateToken, hashToken } from '../auth/tokens.ts';
import { runTransaction } from '../run-transaction.ts';
import { checkCanGiveRole } from './member-permissions.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A new invitation link for the email and role. Inviting an address again replaces its open invitation
 * (the old link stops working), like "resend invite". Refuses (409) an address that is already a member.
 */
export function createInvitation(
  db: Kysely<Database>,
  actor: AgentPrincipal,
  body: InvitationCreateBody,
): Promise<{ id: string; token: string }> {
  checkCanGiveRole(actor.role, 'agent', body.role);
  const email = body.email.trim();
  return runTransaction(db, async (trx) => {
    // One at a time per workspace, so two invitations of the same address cannot both stay open.
    await trx.selectFrom('workspaces').select('id').where('id', '=', actor.workspaceId).forNoKeyUpdate().execute();
    const member = await trx
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('m.user_id')
      .where('m.workspace_id', '=', actor.workspaceId)
      .where(sql<string>`lower(u.email)`, '=', email.toLowerCase())
      .executeTakeFirst();
    if (member)
      throw new AppError('invitation/already_member', 'Someone with this email is already a member of this workspace.');
    await trx
      .updateTable('invitations')
      .set({ revoked_at: new Date() })
      .where('workspace_id', '=', actor.workspaceId)
      .where(sql<string>`lower(email)`, '=', email.toLowerCase())
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    const token = generateToken();
    const invitation = await trx
      .insertInto('invitations')
      .values({
        workspace_id: actor.workspaceId,
        email,
        role: body.role,
        token_hash: hashToken(token),
        invited_by: actor.userId,
        expires_at: new Date(Date.now() + INVITATION_TTL_DAYS * DAY_MS),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: invitation.id, token };
  });
}

/** Revokes an open invitation of the workspace; 404 for another workspace's, an accepted or a revoked one. */
export async function revokeInvitation(db: Kysely<Database>, workspaceId: string, invitationId: string): Promise<void> {
  const revoked = await db
    .updateTable('invitations')
    .set({ revoked_at: new Date() })
    .where('id', '=', invitationId)
    .where('workspace_id', '=', workspaceId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!revoked) throw new AppError('invitation/not_found', 'No such invitation.');
}
