import Type, { type Static } from 'typebox';
import { ConversationSummarySchema, UuidSchema } from './entities.ts';
import { ConversationDetailSchema, ConversationListQuerySchema } from './rest.ts';

// Labels sort conversations ("billing", "bug", "vip"). Every agent reads them and puts them on
// conversations; owners and admins create, rename, recolour and delete them. Visitors never see them.

/** The fixed palette; clients choose how each looks (readable in light and dark). */
export const LabelColorSchema = Type.Union([
  Type.Literal('grey'),
  Type.Literal('red'),
  Type.Literal('orange'),
  Type.Literal('amber'),
  Type.Literal('green'),
  Type.Literal('teal'),
  Type.Literal('blue'),
  Type.Literal('indigo'),
  Type.Literal('purple'),
  Type.Literal('pink'),
]);
export type LabelColor = Static<typeof LabelColorSchema>;

export const LabelSchema = Type.Object({ id: UuidSchema, name: Type.String(), color: LabelColorSchema });
export type Label = Static<typeof LabelSchema>;
export const LabelListSchema = Type.Object({ labels: Type.Array(LabelSchema) });
export type LabelList = Static<typeof LabelListSchema>;

/** Trimmed before it is stored; unique in the workspace ignoring case (`label/name_taken`). */
const LabelNameSchema = Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' });

export const LabelCreateBodySchema = Type.Object(
  { name: LabelNameSchema, color: LabelColorSchema },
  { additionalProperties: false },
);
export type LabelCreateBody = Static<typeof LabelCreateBodySchema>;
export const LabelUpdateBodySchema = Type.Object(
  { name: Type.Optional(LabelNameSchema), color: Type.Optional(LabelColorSchema) },
  { additionalProperties: false, minProperties: 1 },
);
export type LabelUpdateBody = Static<typeof LabelUpdateBodySchema>;

/** A conversation's labels, by name; the answer of adding or removing one. */
export const ConversationLabelsSchema = Type.Object({ labels: Type.Array(LabelSchema) });
export type ConversationLabels = Static<typeof ConversationLabelsSchema>;

/** A conversation as agents list and load it: the summary the widget also gets, plus its labels. */
export const AgentConversationSchema = Type.Object({
  ...ConversationSummarySchema.properties,
  labels: Type.Array(LabelSchema),
});
export type AgentConversation = Static<typeof AgentConversationSchema>;

export const AgentConversationListQuerySchema = Type.Object(
  {
    ...ConversationListQuerySchema.properties,
    /** Only conversations with this label (`label/not_found` for one that is not the workspace's). */
    label: Type.Optional(UuidSchema),
  },
  { additionalProperties: false },
);
export const AgentConversationListSchema = Type.Object({ conversations: Type.Array(AgentConversationSchema) });
export type AgentConversationList = Static<typeof AgentConversationListSchema>;

export const AgentConversationDetailSchema = Type.Object({
  ...ConversationDetailSchema.properties,
  conversation: AgentConversationSchema,
});
export type AgentConversationDetail = Static<typeof AgentConversationDetailSchema>;
