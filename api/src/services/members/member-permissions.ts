import type { Role } from '@parley/db';
import { AppError } from '../../app-error.ts';

// Who may change whom, like Chatwoot's administrators and Intercom's "manage teammates": owners do
// everything; admins invite and manage admins and agents, never owners, and make nobody an owner; agents
// only read. The last active owner and deactivating yourself are refused elsewhere (409): they need the data.

const forbidden = (message: string) => new AppError('auth/forbidden', message);

/** Inviting, revoking, listing invitations, changing roles, deactivating: owners and admins only. */
export function checkCanManageMembers(actorRole: Role): void {
  if (actorRole === 'agent') throw forbidden('Only owners and admins can manage members.');
}

/** An admin cannot change, deactivate or reactivate an owner. */
export function checkCanManageMember(actorRole: Role, targetRole: Role): void {
  checkCanManageMembers(actorRole);
  if (actorRole === 'admin' && targetRole === 'owner') throw forbidden('Only owners can change an owner.');
}

/** Only an owner makes someone an owner. */
export function checkCanGiveRole(actorRole: Role, targetRole: Role, newRole: Role): void {
  checkCanManageMember(actorRole, targetRole);
  if (actorRole !== 'owner' && newRole === 'owner') throw forbidden('Only owners can make someone an owner.');
}
