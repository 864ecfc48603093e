import { createHmac, timingSafeEqual } from 'node:crypto';

/** What the site's backend computes for a signed-in user: hex HMAC-SHA256 of their id under the inbox's secret. */
export function computeIdentityHash(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId, 'utf8').digest('hex');
}

export function isValidIdentityHash(secret: string, userId: string, hash: string): boolean {
  const expected = Buffer.from(computeIdentityHash(secret, userId), 'hex');
  const given = Buffer.from(hash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
