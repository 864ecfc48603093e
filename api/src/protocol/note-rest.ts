import Type, { type Static } from 'typebox';
import { AgentRefSchema, IsoDateSchema, UuidSchema } from './entities.ts';

// Internal notes, @mentions and participants: agents only. A note is a message of kind 'note'; the
// visitor's stream holds a `conversation.seq_skipped` event in its place (docs/decisions/0005-internal-notes-in-the-seq-stream.md).

/** A teammate named with @ in a note; unread until its member opens it or marks it read. */
export const MentionSchema = Type.Object({
  id: UuidSchema,
  conversationId: UuidSchema,
  messageId: UuidSchema,
  /** The note's seq: the console opens the conversation at this message. */
  seq: Type.Integer({ minimum: 1 }),
  author: Type.Union([AgentRefSchema, Type.Null()]),
  /** The note's text, cut to MENTION_EXCERPT_LENGTH characters. Plain text. */
  excerpt: Type.String(),
  visitorId: UuidSchema,
  visitorName: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoDateSchema,
  readAt: Type.Union([IsoDateSchema, Type.Null()]),
});
export type Mention = Static<typeof MentionSchema>;

export const MENTION_EXCERPT_LENGTH = 200;
/** A note names at most this many teammates; further names are not notified. */
export const MENTIONS_PER_NOTE_MAX = 20;

export const MentionListQuerySchema = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    /** Only unread mentions. */
    unread: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type MentionListQuery = Static<typeof MentionListQuerySchema>;

/** Unread first, then newest first. */
export const MentionListSchema = Type.Object({
  mentions: Type.Array(MentionSchema),
  unreadCount: Type.Integer({ minimum: 0 }),
});
export type MentionList = Static<typeof MentionListSchema>;

/** POST /v1/mentions/read: the ones named, or every unread one when `ids` is absent. */
export const MentionReadBodySchema = Type.Object(
  { ids: Type.Optional(Type.Array(UuidSchema, { minItems: 1, maxItems: 100 })) },
  { additionalProperties: false },
);
export type MentionReadBody = Static<typeof MentionReadBodySchema>;
export const MentionReadResultSchema = Type.Object({ unreadCount: Type.Integer({ minimum: 0 }) });
export type MentionReadResult = Static<typeof MentionReadResultSchema>;

export const ParticipantSchema = Type.Object({ ...AgentRefSchema.properties, joinedAt: IsoDateSchema });
export type Participant = Static<typeof ParticipantSchema>;
/** GET and POST (join) /v1/conversations/:id/participants; oldest first. */
export const ParticipantListSchema = Type.Object({ participants: Type.Array(ParticipantSchema) });
export type ParticipantList = Static<typeof ParticipantListSchema>;

/** To agents, no seq: the latest state after a change committed. */
export type NoteFrame =
  /** Only to the mentioned member's sockets. */
  | { type: 'mention.created'; data: { mention: Mention; unreadCount: number } }
  /** To the member's sockets after they read mentions (on any device). */
  | { type: 'mentions.read'; data: { unreadCount: number } }
  /** Who takes part in the conversation now: to the sockets that follow it and those of the agent who joined or left. */
  | { type: 'conversation.participants_changed'; data: { conversationId: string; participants: Participant[] } };
