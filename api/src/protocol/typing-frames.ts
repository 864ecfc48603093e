import Type, { type Static } from 'typebox';
import { type AgentRef, UuidSchema } from './entities.ts';

// Typing, read receipts and who is viewing: frames that carry no seq and are never stored (except the
// read seqs, which are also kept on the conversation). Losing one is harmless: typing expires, viewers
// re-announce themselves, read state comes back with the conversation over REST.

const FrameIdSchema = Type.String({ minLength: 1, maxLength: 64 });

/** Visitor or agent: "I am (still) typing in this conversation" or "I stopped". */
export const TypingSetFrameSchema = Type.Object(
  {
    type: Type.Literal('typing.set'),
    id: Type.Optional(FrameIdSchema),
    data: Type.Object({ conversationId: UuidSchema, isTyping: Type.Boolean() }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

/** Visitor or agent: "I have read this conversation up to seq", sent while it is on screen. Acked with the stored seq. */
export const ConversationReadFrameSchema = Type.Object(
  {
    type: Type.Literal('conversation.read'),
    id: Type.Optional(FrameIdSchema),
    data: Type.Object(
      { conversationId: UuidSchema, seq: Type.Integer({ minimum: 0 }) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** Agent: "I am looking at this conversation now" (null: at none). Teammates who view it hear it. */
export const ConversationViewFrameSchema = Type.Object(
  {
    type: Type.Literal('conversation.view'),
    id: Type.Optional(FrameIdSchema),
    data: Type.Object({ conversationId: Type.Union([UuidSchema, Type.Null()]) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export type TypingSetFrame = Static<typeof TypingSetFrameSchema>;
export type ConversationReadFrame = Static<typeof ConversationReadFrameSchema>;
export type ConversationViewFrame = Static<typeof ConversationViewFrameSchema>;

export interface ConversationReadResult {
  /** The seq now stored for this reader (never lower than before). */
  seq: number;
}

export const TYPING_LIMITS = {
  /** A receiver forgets "is typing" after this long without a renewal. */
  expiresAfterMs: 6000,
  /** A typing client renews its typing.set at most this often. */
  renewEveryMs: 3000,
  /** typing.set, conversation.read and conversation.view per second per socket (burst twice that). */
  framesPerSecond: 3,
  /** A viewer re-announces itself this often; a console forgets a viewer silent for twice as long and a bit. */
  viewerRenewMs: 20_000,
  viewerExpiresAfterMs: 50_000,
} as const;

export type TypingActor = { type: 'visitor' } | ({ type: 'agent' } & AgentRef);

/** Server → client, no seq: someone of the other side (or a teammate) types, or stopped. */
export type TypingFrame = {
  type: 'typing';
  data: { conversationId: string; isTyping: boolean; by: TypingActor };
};

/** Server → client, no seq: the visitor (to agents) or an agent (to the visitor) has read up to seq. */
export type ReadUpToFrame = {
  type: 'conversation.read_up_to';
  data: { conversationId: string; reader: 'visitor' | 'agents'; seq: number };
};

/** Server → agents, no seq: a teammate looks at a conversation (renewed every viewerRenewMs) or left it. */
export type ViewerFrame = {
  type: 'conversation.viewer';
  data: { conversationId: string; agent: AgentRef; isViewing: boolean };
};

export type EphemeralFrame = TypingFrame | ReadUpToFrame | ViewerFrame;
