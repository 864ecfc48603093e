import type { Role } from '@parley/db';
import { AppError } from '../../app-error.ts';

/** Every agent reads and edits contacts; merging and deleting lose data, so they are for owners and admins. */
export function checkCanMergeOrDeleteContacts(role: Role): void {
  if (role === 'agent') throw new AppError('auth/forbidden', 'Only owners and admins can merge or delete contacts.');
}
