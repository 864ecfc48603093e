import Type, { type Static } from 'typebox';
import { ConversationPrioritySchema, ConversationStatusSchema, IsoDateSchema, UuidSchema } from './entities.ts';

const FrameIdSchema = Type.String({ minLength: 1, maxLength: 64 });

/**
 * An agent sets a conversation's status. snoozedUntil (in the future, within a year) is required with
 * snoozed and refused otherwise (`conversation/snooze_invalid`). Acked with `{ conversation }`.
 */
export const ConversationSetStatusFrameSchema = Type.Object(
  {
    type: Type.Literal('conversation.set_status'),
    id: FrameIdSchema,
    data: Type.Object(
      { conversationId: UuidSchema, status: ConversationStatusSchema, snoozedUntil: Type.Optional(IsoDateSchema) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type ConversationSetStatusFrame = Static<typeof ConversationSetStatusFrameSchema>;

/** An agent sets a conversation's priority. Acked with `{ conversation }`. */
export const ConversationSetPriorityFrameSchema = Type.Object(
  {
    type: Type.Literal('conversation.set_priority'),
    id: FrameIdSchema,
    data: Type.Object(
      { conversationId: UuidSchema, priority: ConversationPrioritySchema },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type ConversationSetPriorityFrame = Static<typeof ConversationSetPriorityFrameSchema>;
