import Type, { type Static } from 'typebox';
import { IsoDateSchema, UuidSchema } from './entities.ts';

// Canned responses: saved replies an agent inserts by typing `/shortcut` in the composer. Shared ones
// belong to the workspace (owners and admins write them); personal ones to one agent, seen by nobody else.

export const CannedScopeSchema = Type.Union([Type.Literal('shared'), Type.Literal('personal')]);
export type CannedScope = Static<typeof CannedScopeSchema>;

export const CannedResponseSchema = Type.Object({
  id: UuidSchema,
  /** Lower case; typed after `/`. */
  shortcut: Type.String(),
  title: Type.String(),
  /** Plain text; `{{visitor.name}}` is filled in by the console when inserted. */
  body: Type.String(),
  scope: CannedScopeSchema,
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type CannedResponse = Static<typeof CannedResponseSchema>;
export const CannedResponseListSchema = Type.Object({ cannedResponses: Type.Array(CannedResponseSchema) });
export type CannedResponseList = Static<typeof CannedResponseListSchema>;

export const CannedResponseListQuerySchema = Type.Object(
  {
    /** Matches the start of the shortcut or any part of the shortcut or title, ignoring case. */
    q: Type.Optional(Type.String({ maxLength: 100 })),
    /** At most this many, best matches first (shortcut starting with `q`, then title, then the rest). */
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type CannedResponseListQuery = Static<typeof CannedResponseListQuerySchema>;

/** Upper case is accepted and stored lower case; unique within its scope (`canned/shortcut_taken`). */
const ShortcutSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' });
const TitleSchema = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const BodySchema = Type.String({ minLength: 1, maxLength: 5000, pattern: '\\S' });

export const CannedResponseCreateBodySchema = Type.Object(
  { shortcut: ShortcutSchema, title: TitleSchema, body: BodySchema, scope: CannedScopeSchema },
  { additionalProperties: false },
);
export type CannedResponseCreateBody = Static<typeof CannedResponseCreateBodySchema>;
export const CannedResponseUpdateBodySchema = Type.Object(
  {
    shortcut: Type.Optional(ShortcutSchema),
    title: Type.Optional(TitleSchema),
    body: Type.Optional(BodySchema),
    /** Making one personal makes it yours; making one shared needs owner or admin. */
    scope: Type.Optional(CannedScopeSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CannedResponseUpdateBody = Static<typeof CannedResponseUpdateBodySchema>;
