import Type, { type Static } from 'typebox';
import { ConversationPrioritySchema, ConversationStatusSchema, IsoDateSchema, UuidSchema } from './entities.ts';

export const BULK_MAX_IDS = 100;

const BulkActionSchema = Type.Union([
  Type.Object(
    { type: Type.Literal('status'), status: ConversationStatusSchema, snoozedUntil: Type.Optional(IsoDateSchema) },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('priority'), priority: ConversationPrioritySchema },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('assign'), assigneeId: UuidSchema }, { additionalProperties: false }),
  /** Moves them to a team (null: out of any team), as PUT /v1/conversations/:id/team does for one. */
  Type.Object(
    { type: Type.Literal('team'), teamId: Type.Union([UuidSchema, Type.Null()]) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('label'),
      labelId: UuidSchema,
      change: Type.Union([Type.Literal('add'), Type.Literal('remove')]),
    },
    { additionalProperties: false },
  ),
]);
export type BulkAction = Static<typeof BulkActionSchema>;

/** POST /v1/conversations/bulk: one action on up to 100 of the workspace's conversations. */
export const BulkBodySchema = Type.Object(
  {
    ids: Type.Array(UuidSchema, { minItems: 1, maxItems: BULK_MAX_IDS, uniqueItems: true }),
    action: BulkActionSchema,
  },
  { additionalProperties: false },
);
export type BulkBody = Static<typeof BulkBodySchema>;

/**
 * One result per id, in the order asked. Each conversation changes entirely or not at all; a
 * conversation of another workspace answers `conversation/not_found`, like a missing one.
 */
export const BulkResultSchema = Type.Object({
  results: Type.Array(
    Type.Union([
      Type.Object({ id: UuidSchema, ok: Type.Literal(true) }),
      Type.Object({ id: UuidSchema, ok: Type.Literal(false), code: Type.String(), message: Type.String() }),
    ]),
  ),
});
export type BulkResult = Static<typeof BulkResultSchema>;
