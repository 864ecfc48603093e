import type {
  CreatedInvitation,
  InvitationCreateBody,
  InvitationList,
  Member,
  MemberRoleBody,
} from '@parley/api/protocol';
import { isApiError, requestJson } from '../api/http.ts';

// Who is in the workspace: invitations, roles, deactivation. Owners and admins only; the api refuses
// everyone else (403) whatever this screen shows.

export function createInvitation(body: InvitationCreateBody): Promise<CreatedInvitation> {
  return requestJson('POST', '/v1/invitations', body);
}

/** Open invitations, or null for an agent (who may not see them). */
export async function listInvitationsIfAllowed(): Promise<InvitationList | null> {
  try {
    return await requestJson<InvitationList>('GET', '/v1/invitations');
  } catch (error) {
    if (isApiError(error, 'auth/forbidden')) return null;
    throw error;
  }
}

export function revokeInvitation(invitationId: string): Promise<void> {
  return requestJson('DELETE', `/v1/invitations/${encodeURIComponent(invitationId)}`);
}

export function changeMemberRole(userId: string, role: MemberRoleBody['role']): Promise<Member> {
  return requestJson('PUT', `/v1/members/${encodeURIComponent(userId)}/role`, { role });
}

export function setMemberActive(userId: string, isActive: boolean): Promise<Member> {
  return requestJson('POST', `/v1/members/${encodeURIComponent(userId)}/${isActive ? 'reactivate' : 'deactivate'}`);
}
