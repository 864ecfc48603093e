import Type, { type Static } from 'typebox';
import { AttachmentSchema } from './attachments.ts';
import { MessageKindSchema } from './message-kind.ts';
import { LogoUrlSchema, PreChatFormSchema } from './pre-chat.ts';

export const IsoDateSchema = Type.String({ format: 'date-time' });
export const UuidSchema = Type.String({ format: 'uuid' });

export const RoleSchema = Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('agent')]);
export type Role = Static<typeof RoleSchema>;

export const ActorTypeSchema = Type.Union([Type.Literal('visitor'), Type.Literal('agent'), Type.Literal('system')]);
export type ActorType = Static<typeof ActorTypeSchema>;

export const ConversationStatusSchema = Type.Union([
  Type.Literal('open'),
  /** Waiting on the customer (or someone else); a visitor's message opens it again. */
  Type.Literal('pending'),
  /** Out of the way until snoozedUntil (or the visitor's next message), then open again. */
  Type.Literal('snoozed'),
  Type.Literal('resolved'),
]);
export type ConversationStatus = Static<typeof ConversationStatusSchema>;

export const ConversationPrioritySchema = Type.Union([
  Type.Literal('none'),
  Type.Literal('low'),
  Type.Literal('medium'),
  Type.Literal('high'),
  Type.Literal('urgent'),
]);
export type ConversationPriority = Static<typeof ConversationPrioritySchema>;

export const AgentRefSchema = Type.Object({ id: UuidSchema, name: Type.String() });
export type AgentRef = Static<typeof AgentRefSchema>;

export const VisitorRefSchema = Type.Object({
  id: UuidSchema,
  name: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
});
export type VisitorRef = Static<typeof VisitorRefSchema>;

export const MessageSchema = Type.Object({
  id: UuidSchema,
  conversationId: UuidSchema,
  seq: Type.Integer({ minimum: 1 }),
  /** The id the sender chose; repeats of a send with the same clientId return this message. */
  clientId: Type.Union([Type.String(), Type.Null()]),
  sender: Type.Object({
    type: ActorTypeSchema,
    id: Type.Union([UuidSchema, Type.Null()]),
    /** The agent's name; null for visitors and the system. */
    name: Type.Union([Type.String(), Type.Null()]),
  }),
  /** Plain text. Every renderer shows it as text, never as HTML. */
  body: Type.String(),
  createdAt: IsoDateSchema,
  /** Files sent with the message; absent when there are none. */
  attachments: Type.Optional(Type.Array(AttachmentSchema)),
  /** Agents only: 'note' is an internal note (a visitor never gets one). Absent means 'reply'. */
  kind: Type.Optional(MessageKindSchema),
});
export type Message = Static<typeof MessageSchema>;

/** "Typically replies in a few minutes / a few hours / a day". */
export const ReplyTimeSchema = Type.Union([Type.Literal('minutes'), Type.Literal('hours'), Type.Literal('day')]);
export type ReplyTime = Static<typeof ReplyTimeSchema>;

export const AppearanceSchema = Type.Object(
  {
    color: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
    title: Type.Optional(Type.String({ maxLength: 80 })),
    greeting: Type.Optional(Type.String({ maxLength: 500 })),
    launcherText: Type.Optional(Type.String({ maxLength: 40 })),
    position: Type.Optional(Type.Union([Type.Literal('left'), Type.Literal('right')])),
    logoUrl: Type.Optional(LogoUrlSchema),
    preChatForm: Type.Optional(PreChatFormSchema),
    /** The reply time the widget promises; null or absent: computed from the inbox's last 30 days. */
    replyTime: Type.Optional(Type.Union([ReplyTimeSchema, Type.Null()])),
  },
  { additionalProperties: false },
);
export type Appearance = Static<typeof AppearanceSchema>;

/** A conversation's newest reply (never an internal note), as lists preview it. */
export const LastMessageSchema = Type.Object({
  body: Type.String(),
  senderType: ActorTypeSchema,
  createdAt: IsoDateSchema,
});
export type LastMessage = Static<typeof LastMessageSchema>;

export const ConversationSummarySchema = Type.Object({
  id: UuidSchema,
  inboxId: UuidSchema,
  status: ConversationStatusSchema,
  /** Agents only (absent in what a visitor gets): none when not set. */
  priority: Type.Optional(ConversationPrioritySchema),
  /** Set while status is snoozed. */
  snoozedUntil: Type.Optional(Type.Union([IsoDateSchema, Type.Null()])),
  assignee: Type.Union([AgentRefSchema, Type.Null()]),
  /** Agents only: the team the conversation is routed to, null when none. */
  teamId: Type.Optional(Type.Union([UuidSchema, Type.Null()])),
  /** Agents only: the users taking part (conversation.participants_changed tells changes), oldest first. */
  participantIds: Type.Optional(Type.Array(UuidSchema)),
  visitor: VisitorRefSchema,
  /** The highest seq in this conversation. */
  lastSeq: Type.Integer({ minimum: 0 }),
  /** Read receipts: the last seq the visitor read and the last one any agent read (conversation.read). */
  readUpTo: Type.Optional(Type.Object({ visitor: Type.Integer({ minimum: 0 }), agents: Type.Integer({ minimum: 0 }) })),
  lastMessage: Type.Union([LastMessageSchema, Type.Null()]),
  /** The visitor's CSAT rating (1–5), present once they rated the resolved conversation. */
  rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type ConversationSummary = Static<typeof ConversationSummarySchema>;

/**
 * What messages alone changed in a summary (the `appended` of `conversations.changed`): seqs fromSeq to lastSeq
 * were all messages. It applies to a held summary whose lastSeq is at least fromSeq - 1; a client holding an older
 * one, or none, waits for the full summary, which a conversation that keeps changing gets at least every 20 s.
 */
export const ConversationAppendedSchema = Type.Object({
  id: UuidSchema,
  fromSeq: Type.Integer({ minimum: 1 }),
  lastSeq: Type.Integer({ minimum: 1 }),
  /** The newest reply among them; absent when they were all internal notes (never a preview). */
  lastMessage: Type.Optional(LastMessageSchema),
  /** The newest message's time, as the summary's updatedAt. */
  updatedAt: IsoDateSchema,
});
export type ConversationAppended = Static<typeof ConversationAppendedSchema>;
