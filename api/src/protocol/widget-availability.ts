import Type, { type Static } from 'typebox';
import { IsoDateSchema } from './entities.ts';

/** Whether anyone can answer now; the widget shows "we're away, back at …" and asks for an email otherwise. */
export const WidgetAvailabilitySchema = Type.Object({
  /** Inside business hours (always true without business hours). */
  isWithinHours: Type.Boolean(),
  /** At least one agent of the inbox is online and not away. */
  isAgentOnline: Type.Boolean(),
  /** When business hours next start (UTC); null when within hours or without business hours. */
  nextOpenAt: Type.Union([IsoDateSchema, Type.Null()]),
  /** The inbox's timezone, for "back at 09:00 (Berlin time)"; null without business hours. */
  timezone: Type.Union([Type.String(), Type.Null()]),
});
export type WidgetAvailability = Static<typeof WidgetAvailabilitySchema>;

export const VisitorContactBodySchema = Type.Object(
  { email: Type.String({ format: 'email', maxLength: 254 }) },
  { additionalProperties: false },
);
export type VisitorContactBody = Static<typeof VisitorContactBodySchema>;
