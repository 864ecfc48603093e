import Type, { type Static } from 'typebox';

/** An inbox's identity verification settings: owners and admins only (the secret signs visitors). */
export const InboxIdentitySchema = Type.Object({
  /** Keep it on the site's server: it computes HMAC-SHA256(secret, userId) for `identify`. */
  secret: Type.String(),
  /** Unsigned visitors can neither read nor write. */
  requireIdentity: Type.Boolean(),
});
export type InboxIdentity = Static<typeof InboxIdentitySchema>;

export const InboxIdentityUpdateBodySchema = Type.Object(
  { requireIdentity: Type.Boolean() },
  { additionalProperties: false },
);
export type InboxIdentityUpdateBody = Static<typeof InboxIdentityUpdateBodySchema>;
