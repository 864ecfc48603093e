/**
 * A message's clientId: 32 hex characters from crypto.getRandomValues, which (unlike
 * crypto.randomUUID) also works on plain-http origins. Matches ^[A-Za-z0-9_-]{8,64}$.
 */
export function createClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
