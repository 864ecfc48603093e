import { AppError } from '../../app-error.ts';

/** Where a page ended: the last row's creation time (to the microsecond, as Postgres prints it) and id. */
export interface ContactCursor {
  createdAt: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeContactCursor(cursor: ContactCursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`, 'utf8').toString('base64url');
}

export function decodeContactCursor(text: string): ContactCursor {
  const [createdAt = '', id = '', ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !TIMESTAMP.test(createdAt) || !UUID.test(id))
    throw new AppError('request/invalid', 'The cursor is not one this api handed out.');
  return { createdAt, id };
}
