import Type, { type Static } from 'typebox';
import { AgentRefSchema, ConversationSummarySchema, IsoDateSchema, MessageSchema, UuidSchema } from './entities.ts';

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
  /** Always seq 1. */
  'conversation.created': Type.Object({ ...eventBase, conversation: ConversationSummarySchema }),
  'message.created': Type.Object({ ...eventBase, message: MessageSchema }),
  'conversation.assigned': Type.Object({ ...eventBase, assignee: AgentRefSchema }),
  'conversation.unassigned': Type.Object({ ...eventBase, reason: Type.Optional(Type.String()) }),
  'conversation.resolved': Type.Object({ ...eventBase, by: Type.Union([AgentRefSchema, Type.Null()]) }),
  'conversation.reopened': Type.Object({ ...eventBase }),
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
]);

export type ConversationEventData<T extends ConversationEventType> = Static<(typeof ConversationEventSchemas)[T]>;

/** One conversation event as it travels: `{ type, data }`, in REST lists and as a WS frame. */
export type ConversationEvent = {
  [T in ConversationEventType]: { type: T; data: ConversationEventData<T> };
}[ConversationEventType];
