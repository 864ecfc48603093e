/**
 * A fresh id for one outgoing message (32 hex characters, matching ^[A-Za-z0-9_-]{8,64}$).
 * getRandomValues works on plain-http pages too, unlike crypto.randomUUID.
 */
export function createClientId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += byte.toString(16).padStart(2, '0');
  return id;
}
