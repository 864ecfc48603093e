import Type, { type Static } from 'typebox';

const TIME_OF_DAY = '([01][0-9]|2[0-3]):[0-5][0-9]';

/**
 * Local wall-clock times in the inbox's time zone. An interval whose end is not after its start crosses
 * midnight (22:00–02:00) and belongs to the day it starts on; 09:00–09:00 is a full 24 hours.
 */
export const IntervalSchema = Type.Object(
  {
    start: Type.String({ pattern: `^${TIME_OF_DAY}$` }),
    end: Type.String({ pattern: `^(${TIME_OF_DAY}|24:00)$` }),
  },
  { additionalProperties: false },
);
export type Interval = Static<typeof IntervalSchema>;

const DayIntervalsSchema = Type.Array(IntervalSchema, { maxItems: 6 });

export const BusinessHoursSchema = Type.Object(
  {
    /** An IANA zone such as 'Europe/Berlin'; whether it exists is checked by checkBusinessHours. */
    timezone: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$' }),
    weekly: Type.Object(
      {
        mon: DayIntervalsSchema,
        tue: DayIntervalsSchema,
        wed: DayIntervalsSchema,
        thu: DayIntervalsSchema,
        fri: DayIntervalsSchema,
        sat: DayIntervalsSchema,
        sun: DayIntervalsSchema,
      },
      { additionalProperties: false },
    ),
    /** Holidays and special hours: each replaces the weekly intervals that start on its date. */
    exceptions: Type.Array(
      Type.Object(
        {
          date: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }),
          /** [] means closed all day. */
          intervals: Type.Array(IntervalSchema, { maxItems: 6 }),
          label: Type.Optional(Type.String({ maxLength: 80 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 366 },
    ),
  },
  { additionalProperties: false },
);
export type BusinessHours = Static<typeof BusinessHoursSchema>;
