import type { Member, Role } from '@parley/api/protocol';

// What the members screen offers, mirroring the api's rules (api/src/services/members/member-permissions.ts):
// owners change everyone; admins change admins and agents, never owners, and make nobody an owner.

export function canManageMembers(myRole: Role): boolean {
  return myRole !== 'agent';
}

/**
 * The roles `me` may pick for this member, or [] when the member's role is not theirs to change (nor
 * anyone's: the workspace's only active owner stays an owner).
 */
export function rolesOffered(myRole: Role, member: Pick<Member, 'role'>, isOnlyOwner = false): Role[] {
  if (isOnlyOwner) return [];
  if (myRole === 'owner') return ['owner', 'admin', 'agent'];
  if (myRole === 'admin' && member.role !== 'owner') return ['admin', 'agent'];
  return [];
}

export function canChangeActivation(myRole: Role, myUserId: string, member: Pick<Member, 'role' | 'userId'>): boolean {
  return member.userId !== myUserId && rolesOffered(myRole, member).length > 0;
}

/** The invitation roles: admins may invite admins too (like Chatwoot); owners are made afterwards, by an owner. */
export const INVITE_ROLES = ['agent', 'admin'] as const;

/** "in 6 days", "in 5 hours", "expired": when an invitation link stops working. */
export function describeExpiry(expiresAt: string, now: number): string {
  const left = Date.parse(expiresAt) - now;
  if (left <= 0) return 'expired';
  const hours = Math.floor(left / 3_600_000);
  if (hours >= 48) return `expires in ${Math.floor(hours / 24)} days`;
  if (hours >= 1) return `expires in ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return 'expires in less than an hour';
}
