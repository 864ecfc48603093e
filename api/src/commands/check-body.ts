import { AppError } from '../app-error.ts';
import { LIMITS } from '../protocol/constants.ts';

/** A message with attachments may have no text. */
export function checkMessageBody(body: string, hasAttachments = false): string {
  if (!hasAttachments && body.trim() === '') throw new AppError('message/empty', 'A message needs some text.');
  if (body.length > LIMITS.messageMaxLength)
    throw new AppError('message/too_long', `A message can have at most ${LIMITS.messageMaxLength} characters.`);
  return body;
}
