import Type, { type Static } from 'typebox';
import {
  AgentRefSchema,
  ConversationPrioritySchema,
  ConversationStatusSchema,
  ConversationSummarySchema,
  IsoDateSchema,
  MessageSchema,
  UuidSchema,
} from './entities.ts';

/**
 * Conversation events. Each carries the conversation's server-assigned `seq`
 * (contiguous from 1, one sequence per conversation across all event types).
 * Clients render and resume by seq.
 */
const eventBase = {
  conversationId: UuidSchema,
  seq: Type.Integer({ minimum: 1 }),
  at: IsoDateSchema,
};

const ConversationEventSchemas = {
  /** Visitors only: this seq holds something they do not see (an internal note); it keeps their seqs contiguous. */
  'conversation.seq_skipped': Type.Object({ ...eventBase }),
  /** Always seq 1. */
  'conversation.created': Type.Object({ ...eventBase, conversation: ConversationSummarySchema }),
  'message.created': Type.Object({ ...eventBase, message: MessageSchema }),
  'conversation.assigned': Type.Object({ ...eventBase, assignee: AgentRefSchema }),
  'conversation.unassigned': Type.Object({ ...eventBase, reason: Type.Optional(Type.String()) }),
  'conversation.resolved': Type.Object({ ...eventBase, by: Type.Union([AgentRefSchema, Type.Null()]) }),
  'conversation.reopened': Type.Object({ ...eventBase }),
  /** The visitor rated the resolved conversation (CSAT); a later one replaces it. */
  'conversation.rated': Type.Object({
    ...eventBase,
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Union([Type.String(), Type.Null()]),
  }),
  /**
   * A move to or from pending or snoozed (resolving and reopening keep their own events). by is null
   * when the system did it: the snooze ended, or the visitor wrote.
   */
  'conversation.status_changed': Type.Object({
    ...eventBase,
    status: ConversationStatusSchema,
    snoozedUntil: Type.Union([IsoDateSchema, Type.Null()]),
    by: Type.Union([AgentRefSchema, Type.Null()]),
    reason: Type.Optional(Type.Union([Type.Literal('snooze_ended'), Type.Literal('visitor_message')])),
  }),
  /** Agents only in meaning: a visitor's copy carries no priority. */
  'conversation.priority_changed': Type.Object({
    ...eventBase,
    priority: Type.Optional(ConversationPrioritySchema),
    by: Type.Union([AgentRefSchema, Type.Null()]),
  }),
  /**
   * Agents only (a visitor gets seq_skipped): the conversation's team now, null when it has none. An
   * assignee outside the new team loses it first (conversation.unassigned, then routing within the team).
   */
  'conversation.team_changed': Type.Object({
    ...eventBase,
    team: Type.Union([Type.Object({ id: UuidSchema, name: Type.String() }), Type.Null()]),
    by: Type.Union([AgentRefSchema, Type.Null()]),
  }),
};

export type ConversationEventType = keyof typeof ConversationEventSchemas;
export const CONVERSATION_EVENT_TYPES = Object.keys(ConversationEventSchemas) as ConversationEventType[];

const eventFrame = <T extends ConversationEventType>(type: T) =>
  Type.Object({ type: Type.Literal(type), data: ConversationEventSchemas[type] });

export const ConversationEventSchema = Type.Union([
  eventFrame('conversation.created'),
  eventFrame('message.created'),
  eventFrame('conversation.assigned'),
  eventFrame('conversation.unassigned'),
  eventFrame('conversation.resolved'),
  eventFrame('conversation.reopened'),
  eventFrame('conversation.rated'),
  eventFrame('conversation.status_changed'),
  eventFrame('conversation.priority_changed'),
  eventFrame('conversation.team_changed'),
  eventFrame('conversation.seq_skipped'),
]);

export type ConversationEventData<T extends ConversationEventType> = Static<(typeof ConversationEventSchemas)[T]>;

/** One conversation event as it travels: `{ type, data }`, in REST lists and as a WS frame. */
export type ConversationEvent = {
  [T in ConversationEventType]: { type: T; data: ConversationEventData<T> };
}[ConversationEventType];
