import Type, { type Static } from 'typebox';
import { AppearanceSchema, ConversationSummarySchema, RoleSchema, UuidSchema } from './entities.ts';
import { ConversationEventSchema } from './events.ts';

const EmailSchema = Type.String({ format: 'email', maxLength: 254 });
const PasswordSchema = Type.String({ minLength: 8, maxLength: 256 });

export const ErrorBodySchema = Type.Object({ code: Type.String(), message: Type.String() });

// ---- agents ------------------------------------------------------------------

export const SignupBodySchema = Type.Object(
  {
    email: EmailSchema,
    password: PasswordSchema,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    workspaceName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type SignupBody = Static<typeof SignupBodySchema>;

export const LoginBodySchema = Type.Object(
  { email: EmailSchema, password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBodySchema>;

export const MeSchema = Type.Object({
  user: Type.Object({ id: UuidSchema, email: Type.String(), name: Type.String() }),
  workspace: Type.Object({ id: UuidSchema, name: Type.String() }),
  role: RoleSchema,
});
export type Me = Static<typeof MeSchema>;

export const InboxSchema = Type.Object({
  id: UuidSchema,
  name: Type.String(),
  siteKey: Type.String(),
  allowedOrigins: Type.Array(Type.String()),
  appearance: AppearanceSchema,
  /** The HTML a site owner pastes before </body>. */
  snippet: Type.String(),
});
export type Inbox = Static<typeof InboxSchema>;

export const InboxListSchema = Type.Object({ inboxes: Type.Array(InboxSchema) });
export type InboxList = Static<typeof InboxListSchema>;

export const OriginSchema = Type.String({ pattern: '^https?://[^/\\s]+$', maxLength: 255 });

export const InboxUpdateBodySchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    allowedOrigins: Type.Optional(Type.Array(OriginSchema, { maxItems: 50 })),
    appearance: Type.Optional(AppearanceSchema),
  },
  { additionalProperties: false },
);
export type InboxUpdateBody = Static<typeof InboxUpdateBodySchema>;

export const ConversationListQuerySchema = Type.Object(
  { status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved'), Type.Literal('all')])) },
  { additionalProperties: false },
);
export const ConversationListSchema = Type.Object({ conversations: Type.Array(ConversationSummarySchema) });
export type ConversationList = Static<typeof ConversationListSchema>;

export const ConversationEventsQuerySchema = Type.Object(
  {
    /** Events with a seq below this; omit for the newest page. */
    beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);
/** A page of a conversation's events, in seq order. */
export const ConversationDetailSchema = Type.Object({
  conversation: ConversationSummarySchema,
  events: Type.Array(ConversationEventSchema),
  /** Whether events older than the first one returned exist. */
  hasMore: Type.Boolean(),
});
export type ConversationDetail = Static<typeof ConversationDetailSchema>;

// ---- widget ------------------------------------------------------------------

/** What the widget needs to draw itself; public and cacheable. */
export const WidgetConfigSchema = Type.Object({
  inboxName: Type.String(),
  appearance: AppearanceSchema,
});
export type WidgetConfig = Static<typeof WidgetConfigSchema>;

export const WidgetSessionBodySchema = Type.Object(
  { siteKey: Type.String({ minLength: 1, maxLength: 64 }) },
  {
    additionalProperties: false,
  },
);
export type WidgetSessionBody = Static<typeof WidgetSessionBodySchema>;

/**
 * The visitor's session. Send the stored token as `Authorization: Bearer <token>`;
 * when it is missing or unknown a new visitor is made and its token returned. Keep `token`.
 */
export const WidgetSessionSchema = Type.Object({
  visitorId: UuidSchema,
  token: Type.String(),
  /** The visitor's open conversation in this inbox, if any, with its newest events. */
  conversation: Type.Union([ConversationSummarySchema, Type.Null()]),
  events: Type.Array(ConversationEventSchema),
});
export type WidgetSession = Static<typeof WidgetSessionSchema>;

export const HealthSchema = Type.Object({ status: Type.String() });
