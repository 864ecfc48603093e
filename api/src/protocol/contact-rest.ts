import Type, { type Static } from 'typebox';
import { ConversationSummarySchema, IsoDateSchema, UuidSchema } from './entities.ts';
import { VisitorAttributesSchema } from './rest.ts';

// Contacts: the console's directory of visitors who are somebody: they identified (a verified user id),
// left a name or an email, or wrote at least once. Anonymous passers-by who never wrote are not listed.
// Every agent reads and edits contacts; owners and admins merge and delete them.

export const CONTACT_PAGE_MAX = 100;
export const CONTACT_PAGE_DEFAULT = 25;

/**
 * `GET /v1/contacts`: newest contacts first. `q` matches name, email, the site's user id or any attribute
 * value, ignoring case; `cursor` is the `nextCursor` of the previous page.
 */
export const ContactListQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: CONTACT_PAGE_MAX })),
  },
  { additionalProperties: false },
);
export type ContactListQuery = Static<typeof ContactListQuerySchema>;

const NullableString = Type.Union([Type.String(), Type.Null()]);

/** One row of the directory. */
export const ContactSummarySchema = Type.Object({
  id: UuidSchema,
  inboxId: UuidSchema,
  name: NullableString,
  email: NullableString,
  /** The site's own user id, once identified with a valid hash. */
  externalId: NullableString,
  isVerified: Type.Boolean(),
  conversationCount: Type.Integer({ minimum: 0 }),
  createdAt: IsoDateSchema,
  lastSeenAt: IsoDateSchema,
});
export type ContactSummary = Static<typeof ContactSummarySchema>;

export const ContactListSchema = Type.Object({
  contacts: Type.Array(ContactSummarySchema),
  /** Null on the last page. */
  nextCursor: NullableString,
});
export type ContactList = Static<typeof ContactListSchema>;

/** `GET /v1/contacts/:id`: the contact, its attributes (plain text) and its conversations, newest first (50 at most). */
export const ContactDetailSchema = Type.Object({
  ...ContactSummarySchema.properties,
  attributes: Type.Record(Type.String(), Type.String()),
  conversations: Type.Array(ConversationSummarySchema),
});
export type ContactDetail = Static<typeof ContactDetailSchema>;

/** `PATCH /v1/contacts/:id`: null clears the name or email; `attributes` replaces the whole set. */
export const ContactUpdateBodySchema = Type.Object(
  {
    name: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }), Type.Null()])),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()])),
    attributes: Type.Optional(VisitorAttributesSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ContactUpdateBody = Static<typeof ContactUpdateBodySchema>;

/**
 * `POST /v1/contacts/:id/merge`: the other contact (same inbox) is folded into this one and disappears:
 * its conversations, page views, devices (tokens) and the attributes this one lacks move over; a verified
 * identity is kept. Two different verified user ids are refused (`contact/identity_conflict`).
 */
export const ContactMergeBodySchema = Type.Object({ otherId: UuidSchema }, { additionalProperties: false });
export type ContactMergeBody = Static<typeof ContactMergeBodySchema>;
