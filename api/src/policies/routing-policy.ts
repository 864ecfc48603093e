import type { Role } from '@parley/db';
import { AppError } from '../app-error.ts';

/** Routing settings and the routing log are for owners and admins; agents work the queue. */
export function checkCanManageRouting(role: Role): void {
  if (role === 'agent') throw new AppError('auth/forbidden', 'Only owners and admins can do this.');
}
