import { AppError } from '../app-error.ts';
import { LIMITS } from '../protocol/constants.ts';

export function checkMessageBody(body: string): string {
  if (body.trim() === '') throw new AppError('message/empty', 'A message needs some text.');
  if (body.length > LIMITS.messageMaxLength)
    throw new AppError('message/too_long', `A message can have at most ${LIMITS.messageMaxLength} characters.`);
  return body;
}
