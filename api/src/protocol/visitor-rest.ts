import Type, { type Static } from 'typebox';
import { ConversationSummarySchema, IsoDateSchema, UuidSchema } from './entities.ts';

/** An http(s) address of a host page, as the widget saw it. */
export const PageUrlSchema = Type.String({ maxLength: 2000, pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' });

/** The page the widget session started on (`location.href`, `document.title`). */
export const VisitorPageSchema = Type.Object(
  { url: PageUrlSchema, title: Type.Optional(Type.String({ maxLength: 300 })) },
  { additionalProperties: false },
);
export type VisitorPage = Static<typeof VisitorPageSchema>;

/** An IANA time zone name (`Europe/Berlin`); one the server does not know is ignored. */
export const TimeZoneNameSchema = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_+/-]+$' });

export const PageViewSchema = Type.Object({
  url: Type.String(),
  title: Type.Union([Type.String(), Type.Null()]),
  viewedAt: IsoDateSchema,
});
export type PageView = Static<typeof PageViewSchema>;

/** Browser and operating system as read from the user agent; null when it names none we know. */
export const VisitorDeviceSchema = Type.Object({
  userAgent: Type.Union([Type.String(), Type.Null()]),
  browser: Type.Union([
    Type.Object({ name: Type.String(), version: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
  os: Type.Union([Type.String(), Type.Null()]),
  timeZone: Type.Union([Type.String(), Type.Null()]),
});
export type VisitorDevice = Static<typeof VisitorDeviceSchema>;

/** `GET /v1/visitors/:id`: what the console's sidebar shows of a visitor. */
export const VisitorProfileSchema = Type.Object({
  id: UuidSchema,
  inboxId: UuidSchema,
  name: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  /** The site's own user id, once identified with a valid hash. */
  externalId: Type.Union([Type.String(), Type.Null()]),
  isVerified: Type.Boolean(),
  /** What the host page set with `setAttributes`; plain text, render it as text. */
  attributes: Type.Record(Type.String(), Type.String()),
  currentPage: Type.Union([
    Type.Object({ url: Type.String(), title: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
  /** The last 20 pages viewed with the chat loaded, newest first. */
  pageViews: Type.Array(PageViewSchema),
  device: VisitorDeviceSchema,
  createdAt: IsoDateSchema,
  lastSeenAt: IsoDateSchema,
});
export type VisitorProfile = Static<typeof VisitorProfileSchema>;

/** `GET /v1/visitors/:id/conversations`: the visitor's conversations, newest first (50 at most). */
export const VisitorConversationListSchema = Type.Object({ conversations: Type.Array(ConversationSummarySchema) });
export type VisitorConversationList = Static<typeof VisitorConversationListSchema>;
