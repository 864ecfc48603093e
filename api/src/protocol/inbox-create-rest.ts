import Type, { type Static } from 'typebox';

/** POST /v1/inboxes (owners and admins): a new inbox with its own site key, identity secret and default appearance. */
export const InboxCreateBodySchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }) },
  { additionalProperties: false },
);
export type InboxCreateBody = Static<typeof InboxCreateBodySchema>;
