import Type, { type Static } from 'typebox';

/** 'note': an internal note, agents only; never delivered to the visitor. Absent means 'reply'. */
export const MessageKindSchema = Type.Union([Type.Literal('reply'), Type.Literal('note')]);
export type MessageKind = Static<typeof MessageKindSchema>;
