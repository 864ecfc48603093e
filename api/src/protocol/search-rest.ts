import Type, { type Static } from 'typebox';
import { ActorTypeSchema, ConversationStatusSchema, IsoDateSchema, UuidSchema } from './entities.ts';

/**
 * Full-text search across every message of the workspace. `q` takes web-search syntax: words (all must
 * match), "quoted phrases", `or`, and `-word` to exclude. Filters narrow it; `from`/`to` bound the
 * message's time.
 */
export const SearchQuerySchema = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200 }),
    inboxId: Type.Optional(UuidSchema),
    assigneeId: Type.Optional(UuidSchema),
    status: Type.Optional(ConversationStatusSchema),
    from: Type.Optional(IsoDateSchema),
    to: Type.Optional(IsoDateSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuerySchema>;

/** A piece of a snippet; render every piece as text, the matches emphasised. */
export const SnippetPartSchema = Type.Object({ text: Type.String(), isMatch: Type.Boolean() });
export type SnippetPart = Static<typeof SnippetPartSchema>;

export const SearchHitSchema = Type.Object({
  messageId: UuidSchema,
  conversationId: UuidSchema,
  /** Open the conversation at this seq. */
  seq: Type.Integer({ minimum: 1 }),
  at: IsoDateSchema,
  sender: Type.Object({ type: ActorTypeSchema, name: Type.Union([Type.String(), Type.Null()]) }),
  snippet: Type.Array(SnippetPartSchema),
  conversation: Type.Object({
    status: ConversationStatusSchema,
    inboxId: UuidSchema,
    assigneeId: Type.Union([UuidSchema, Type.Null()]),
    visitorId: UuidSchema,
    visitorName: Type.Union([Type.String(), Type.Null()]),
    visitorEmail: Type.Union([Type.String(), Type.Null()]),
  }),
});
export type SearchHit = Static<typeof SearchHitSchema>;

export const SearchResultSchema = Type.Object({ hits: Type.Array(SearchHitSchema), hasMore: Type.Boolean() });
export type SearchResult = Static<typeof SearchResultSchema>;
