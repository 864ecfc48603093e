import type { Role } from '@parley/db';
import { AppError } from '../../app-error.ts';

/** The workspace's set of labels is for owners and admins to shape; every agent uses them. */
export function checkCanManageLabels(role: Role): void {
  if (role === 'agent') throw new AppError('auth/forbidden', 'Only owners and admins can change labels.');
}
