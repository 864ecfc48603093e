import type { VisitorIdentity } from '@parley/api/protocol';

// Validation of Parley('identify') and Parley('setAttributes'), with the api's rules
// (VisitorIdentitySchema and VisitorAttributesSchema in api/src/protocol/rest.ts), so a mistake is a
// readable error on the host page instead of a refused session. Messages never repeat the hash.

const IDENTIFY_USAGE =
  "Parley: identify needs { id, hash }, e.g. Parley('identify', { id: user.id, hash: user.parleyHash })";
const IDENTITY_KEYS = ['id', 'hash', 'email', 'name'];
const HASH = /^[0-9a-f]{64}$/i;
/** The api's email format (TypeBox 'email') without quoted local parts and address literals. */
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const ATTRIBUTE_NAME = /^[A-Za-z0-9_.-]{1,100}$/;
export const MAX_ATTRIBUTES = 50;
const MAX_ATTRIBUTE_LENGTH = 500;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parley('identify', { id, hash, email?, name? }) → the api's identity (hash in lowercase). */
export function parseIdentity(value: unknown): VisitorIdentity {
  if (!isPlainObject(value)) throw new Error(IDENTIFY_USAGE);
  for (const key of Object.keys(value)) {
    if (!IDENTITY_KEYS.includes(key)) {
      throw new Error(`Parley: identify does not take '${key}'; it takes { id, hash, email?, name? }`);
    }
  }
  const { id, hash, email, name } = value;
  if (typeof id !== 'string' || id === '' || typeof hash !== 'string') throw new Error(IDENTIFY_USAGE);
  if (id.length > 200) throw new Error("Parley: identify's 'id' must be at most 200 characters");
  if (!HASH.test(hash)) {
    throw new Error(
      "Parley: identify's 'hash' must be 64 hex characters: HMAC-SHA256 of the id under your inbox's identity secret, computed on your server",
    );
  }
  const identity: VisitorIdentity = { userId: id, hash: hash.toLowerCase() };
  if (email !== undefined && email !== null && email !== '') {
    if (typeof email !== 'string' || email.length > 254 || !EMAIL.test(email)) {
      throw new Error("Parley: identify's 'email' must be an email address such as name@example.com");
    }
    identity.email = email;
  }
  if (name !== undefined && name !== null && name !== '') {
    if (typeof name !== 'string' || name.length > 100) {
      throw new Error("Parley: identify's 'name' must be text of at most 100 characters");
    }
    identity.name = name;
  }
  return identity;
}

/** Parley('setAttributes', changes) → the changes as text, null meaning "remove". */
export function parseAttributeChanges(value: unknown): Record<string, string | null> {
  if (!isPlainObject(value)) {
    throw new Error("Parley: setAttributes needs an object, e.g. Parley('setAttributes', { plan: 'pro' })");
  }
  const changes = new Map<string, string | null>();
  for (const [key, raw] of Object.entries(value)) {
    // '__proto__' matches the pattern, but JSON parsers (the api's too) refuse it.
    if (!ATTRIBUTE_NAME.test(key) || key === '__proto__') {
      throw new Error(
        `Parley: the attribute name '${key.slice(0, 100)}' may only use letters, digits, '_', '.' and '-' (1–100 characters)`,
      );
    }
    if (raw === null) {
      changes.set(key, null);
      continue;
    }
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
      throw new Error(`Parley: the attribute '${key}' must be text, a number, true/false, or null to remove it`);
    }
    const text = String(raw);
    if (text.length > MAX_ATTRIBUTE_LENGTH) {
      throw new Error(`Parley: the attribute '${key}' is longer than ${MAX_ATTRIBUTE_LENGTH} characters`);
    }
    changes.set(key, text);
  }
  return Object.fromEntries(changes);
}

/** The attributes after applying changes; throws when they would be more than the api keeps. */
export function mergeAttributes(
  current: Readonly<Record<string, string>>,
  changes: Readonly<Record<string, string | null>>,
): Record<string, string> {
  const merged = new Map(Object.entries(current));
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) merged.delete(key);
    else merged.set(key, value);
  }
  if (merged.size > MAX_ATTRIBUTES) {
    throw new Error(`Parley: a visitor can have at most ${MAX_ATTRIBUTES} attributes; remove some with null`);
  }
  return Object.fromEntries(merged);
}
