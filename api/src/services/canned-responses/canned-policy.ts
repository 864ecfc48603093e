import type { Role } from '@parley/db';
import { AppError } from '../../app-error.ts';
import type { CannedScope } from '../../protocol/canned-rest.ts';

/** Shared responses speak for the whole team, so owners and admins write them; personal ones are anyone's own. */
export function checkCanWriteScope(role: Role, scope: CannedScope): void {
  if (scope === 'shared' && role === 'agent')
    throw new AppError('auth/forbidden', 'Only owners and admins can change shared canned responses.');
}
