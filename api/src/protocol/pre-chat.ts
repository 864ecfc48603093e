import Type, { type Static } from 'typebox';

export const PRE_CHAT_LIMITS = { fields: 10, options: 20, answer: 1000 } as const;

export const PreChatFieldTypeSchema = Type.Union([
  Type.Literal('text'),
  Type.Literal('email'),
  Type.Literal('select'),
  Type.Literal('textarea'),
]);
export type PreChatFieldType = Static<typeof PreChatFieldTypeSchema>;

/**
 * One question of the pre-chat form. `name` and `email` keys fill the visitor's name and email; any
 * other key is stored as a visitor attribute.
 */
export const PreChatFieldSchema = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
    label: Type.String({ minLength: 1, maxLength: 80 }),
    type: PreChatFieldTypeSchema,
    required: Type.Boolean(),
    /** The choices of a select (required for it, refused for the other types). */
    options: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { minItems: 1, maxItems: PRE_CHAT_LIMITS.options }),
    ),
  },
  { additionalProperties: false },
);
export type PreChatField = Static<typeof PreChatFieldSchema>;

export const PreChatFormSchema = Type.Object(
  {
    enabled: Type.Boolean(),
    fields: Type.Array(PreChatFieldSchema, { maxItems: PRE_CHAT_LIMITS.fields }),
  },
  { additionalProperties: false },
);
export type PreChatForm = Static<typeof PreChatFormSchema>;

/** An https image the widget shows in the panel header (never http: host pages are https). */
export const LogoUrlSchema = Type.String({ pattern: '^https://[^\\s"<>]+$', maxLength: 500 });

/** What the visitor typed, by field key. Checked against the inbox's form on the server. */
export const PreChatAnswersBodySchema = Type.Object(
  {
    answers: Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: PRE_CHAT_LIMITS.answer }), {
      maxProperties: PRE_CHAT_LIMITS.fields,
    }),
  },
  { additionalProperties: false },
);
export type PreChatAnswersBody = Static<typeof PreChatAnswersBodySchema>;
