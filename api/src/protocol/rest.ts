import Type, { type Static } from 'typebox';
import { BusinessHoursSchema } from './business-hours.ts';
import {
  AgentRefSchema,
  AppearanceSchema,
  ConversationSummarySchema,
  ReplyTimeSchema,
  RoleSchema,
  UuidSchema,
} from './entities.ts';
import { ConversationEventSchema } from './events.ts';
import { TimeZoneNameSchema, VisitorPageSchema } from './visitor-rest.ts';

const RoutingModeSchema = Type.Union([Type.Literal('auto'), Type.Literal('manual'), Type.Literal('off')]);
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
  user: Type.Object({
    id: UuidSchema,
    email: Type.String(),
    name: Type.String(),
    /** Where the agent's uploaded picture is served; absent without one. */
    avatarUrl: Type.Optional(Type.String()),
  }),
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
  routing: Type.Object({
    mode: RoutingModeSchema,
    defaultCapacity: Type.Integer({ minimum: 1, maximum: 100 }),
    /** Back to the queue when the assignee has not replied this long; null = never. */
    reassignAfterSeconds: Type.Union([Type.Integer({ minimum: 10, maximum: 86_400 }), Type.Null()]),
    /** Null = always open. */
    businessHours: Type.Union([BusinessHoursSchema, Type.Null()]),
  }),
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
    /** Owners and admins only. */
    routing: Type.Optional(
      Type.Object(
        {
          mode: Type.Optional(RoutingModeSchema),
          defaultCapacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          reassignAfterSeconds: Type.Optional(
            Type.Union([Type.Integer({ minimum: 10, maximum: 86_400 }), Type.Null()]),
          ),
          businessHours: Type.Optional(Type.Union([BusinessHoursSchema, Type.Null()])),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type InboxUpdateBody = Static<typeof InboxUpdateBodySchema>;

export const ConversationListQuerySchema = Type.Object(
  {
    status: Type.Optional(
      Type.Union([
        Type.Literal('open'),
        Type.Literal('pending'),
        Type.Literal('snoozed'),
        Type.Literal('resolved'),
        Type.Literal('all'),
      ]),
    ),
  },
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
  /** How soon agents usually answer: the inbox's setting, else its median first response; null when unknown. */
  replyTime: Type.Union([ReplyTimeSchema, Type.Null()]),
});
export type WidgetConfig = Static<typeof WidgetConfigSchema>;

/**
 * `hash` = hex HMAC-SHA256 of `userId` under the inbox's identity secret, computed by the site's backend.
 * The email and name are the site's word, shown to agents; only the hash proves who the visitor is.
 */
export const VisitorIdentitySchema = Type.Object(
  {
    userId: Type.String({ minLength: 1, maxLength: 200 }),
    hash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type VisitorIdentity = Static<typeof VisitorIdentitySchema>;

export const VisitorAttributesSchema = Type.Record(
  Type.String({ pattern: '^[A-Za-z0-9_.-]{1,100}$' }),
  Type.String({ maxLength: 500 }),
  { maxProperties: 50, additionalProperties: false },
);

export const WidgetSessionBodySchema = Type.Object(
  {
    siteKey: Type.String({ minLength: 1, maxLength: 64 }),
    /** Where the visitor is and what language their browser prefers: routing rules may use them. */
    pageUrl: Type.Optional(Type.String({ maxLength: 2048 })),
    language: Type.Optional(Type.String({ maxLength: 35 })),
    /** The page the session starts on and the browser's time zone: the console's visitor sidebar shows them. */
    page: Type.Optional(VisitorPageSchema),
    timeZone: Type.Optional(TimeZoneNameSchema),
    /** The site's signed-in user (host API `identify`); required when the inbox requires identity. */
    identity: Type.Optional(VisitorIdentitySchema),
    /** What the host page knows of the visitor (host API `setAttributes`); replaces the stored set. */
    attributes: Type.Optional(VisitorAttributesSchema),
  },
  { additionalProperties: false },
);
export type WidgetSessionBody = Static<typeof WidgetSessionBodySchema>;

/**
 * The visitor's session. Send the stored token as `Authorization: Bearer <token>`;
 * when it is missing or unknown a new visitor is made and its token returned. Keep `token`.
 */
export const WidgetSessionSchema = Type.Object({
  visitorId: UuidSchema,
  token: Type.String(),
  /** Identified with a valid hash: the same visitor (and history) on every device. */
  isVerified: Type.Boolean(),
  /** The visitor's open conversation in this inbox, if any, with its newest events. */
  conversation: Type.Union([ConversationSummarySchema, Type.Null()]),
  events: Type.Array(ConversationEventSchema),
});
export type WidgetSession = Static<typeof WidgetSessionSchema>;

/** Why a conversation went where it went: every routing decision, oldest first. Owners and admins only. */
export const RoutingDecisionListSchema = Type.Object({
  decisions: Type.Array(
    Type.Object({
      outcome: Type.Union([Type.Literal('assigned'), Type.Literal('queued'), Type.Literal('returned')]),
      reason: Type.String(),
      agent: Type.Union([AgentRefSchema, Type.Null()]),
      /** Each agent considered, with their load, capacity, online/away state and why they could not take it. */
      candidates: Type.Array(Type.Unknown()),
      decidedAt: Type.String({ format: 'date-time' }),
    }),
  ),
});
export type RoutingDecisionList = Static<typeof RoutingDecisionListSchema>;

/** An inbox's queue now: what the console's queue view shows. */
export const QueueSchema = Type.Object({
  inboxId: UuidSchema,
  length: Type.Integer({ minimum: 0 }),
  oldestQueuedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  conversations: Type.Array(
    Type.Object({
      id: UuidSchema,
      position: Type.Integer({ minimum: 1 }),
      queuedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    }),
  ),
});
export type Queue = Static<typeof QueueSchema>;

export const HealthSchema = Type.Object({ status: Type.String() });
