import Type, { type Static } from 'typebox';
import { RATING_COMMENT_MAX_LENGTH } from './constants.ts';
import { ConversationStatusSchema, IsoDateSchema, LastMessageSchema, UuidSchema } from './entities.ts';

/** A rating may be replaced by a new one this long after it was first given; later ones are refused. */
export const RATING_CHANGE_WINDOW_HOURS = 24;

/** POST /v1/widget/conversations/:id/rating: the visitor's CSAT for a resolved conversation. */
export const RatingBodySchema = Type.Object(
  {
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: RATING_COMMENT_MAX_LENGTH })),
  },
  { additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBodySchema>;

export const ConversationRatingSchema = Type.Object({
  conversationId: UuidSchema,
  rating: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Type.Union([Type.String(), Type.Null()]),
  ratedAt: IsoDateSchema,
});
export type ConversationRating = Static<typeof ConversationRatingSchema>;

/** One of the visitor's own conversations as the widget's "Previous conversations" lists it. */
export const WidgetConversationSchema = Type.Object({
  id: UuidSchema,
  status: ConversationStatusSchema,
  lastMessage: Type.Union([LastMessageSchema, Type.Null()]),
  /** The visitor's rating, when they gave one. */
  rating: Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Null()]),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type WidgetConversation = Static<typeof WidgetConversationSchema>;

/** GET /v1/widget/conversations: the visitor's conversations in this inbox, newest first. */
export const WidgetConversationListSchema = Type.Object({
  conversations: Type.Array(WidgetConversationSchema),
  /** Whether this api sends email (SMTP configured): the widget offers "Email me the transcript" only then. */
  canEmailTranscript: Type.Boolean(),
});
export type WidgetConversationList = Static<typeof WidgetConversationListSchema>;

/** POST /v1/widget/conversations/:id/transcript/email: where it went (the address is the visitor's own). */
export const TranscriptEmailSchema = Type.Object({ sentTo: Type.String() });
export type TranscriptEmail = Static<typeof TranscriptEmailSchema>;
