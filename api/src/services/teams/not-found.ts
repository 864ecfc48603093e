import { AppError } from '../../app-error.ts';

// A foreign id answers exactly like a missing one.
export const teamNotFound = () => new AppError('team/not_found', 'No such team.');
export const memberNotFound = () => new AppError('member/not_found', 'No such member.');
