import { Compile } from 'typebox/compile';
import { describe, expect, test } from 'vitest';
import { type BusinessHours, BusinessHoursSchema } from '../protocol/business-hours.ts';
import { checkBusinessHours, findNextOpening, isWithinBusinessHours } from './business-hours.ts';

type Weekly = BusinessHours['weekly'];

const closedWeek: Weekly = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const dayWithLunch = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];
const officeWeek: Weekly = {
  ...closedWeek,
  mon: dayWithLunch,
  tue: dayWithLunch,
  wed: dayWithLunch,
  thu: dayWithLunch,
  fri: dayWithLunch,
};

const makeHours = (
  timezone: string,
  weekly: Partial<Weekly>,
  exceptions: BusinessHours['exceptions'] = [],
): BusinessHours => ({ timezone, weekly: { ...closedWeek, ...weekly }, exceptions });
const isOpen = (hours: BusinessHours, iso: string) => isWithinBusinessHours(hours, new Date(iso));
const nextOpening = (hours: BusinessHours, iso: string) => findNextOpening(hours, new Date(iso))?.toISOString() ?? null;

// January 2026 in Berlin is CET, UTC+1. 2026-01-12 is a Monday.
const berlinOffice = makeHours('Europe/Berlin', officeWeek);

describe('an ordinary week', () => {
  test('open inside an interval, closed before it, and the end is exclusive', () => {
    expect(isOpen(berlinOffice, '2026-01-12T07:59:59.999Z')).toBe(false);
    expect(isOpen(berlinOffice, '2026-01-12T08:00:00.000Z')).toBe(true);
    expect(isOpen(berlinOffice, '2026-01-12T15:59:59.999Z')).toBe(true);
    expect(isOpen(berlinOffice, '2026-01-12T16:00:00.000Z')).toBe(false);
  });

  test('several intervals a day: closed over lunch, back at 13:00 local', () => {
    expect(isOpen(berlinOffice, '2026-01-12T10:59:59.999Z')).toBe(true);
    expect(isOpen(berlinOffice, '2026-01-12T11:30:00.000Z')).toBe(false);
    expect(nextOpening(berlinOffice, '2026-01-12T11:30:00.000Z')).toBe('2026-01-12T12:00:00.000Z');
  });

  test('when open now, the next opening is now', () => {
    const at = new Date('2026-01-12T09:15:00.000Z');
    expect(findNextOpening(berlinOffice, at)).toBe(at);
  });

  test('before opening, the next opening is 09:00 local the same day', () => {
    expect(nextOpening(berlinOffice, '2026-01-12T05:00:00.000Z')).toBe('2026-01-12T08:00:00.000Z');
  });

  test('closed over the weekend: from Friday evening or Saturday, the next opening is Monday 09:00 local', () => {
    expect(isOpen(berlinOffice, '2026-01-17T11:00:00.000Z')).toBe(false);
    expect(nextOpening(berlinOffice, '2026-01-16T16:30:00.000Z')).toBe('2026-01-19T08:00:00.000Z');
    expect(nextOpening(berlinOffice, '2026-01-17T11:00:00.000Z')).toBe('2026-01-19T08:00:00.000Z');
    expect(nextOpening(berlinOffice, '2026-01-18T22:59:59.000Z')).toBe('2026-01-19T08:00:00.000Z');
  });
});

describe('an interval crossing midnight', () => {
  // Friday 22:00 to Saturday 02:00 Berlin time; 2026-01-16 is a Friday.
  const lateShift = makeHours('Europe/Berlin', { fri: [{ start: '22:00', end: '02:00' }] });

  test('is open until 02:00 the next day and closed from 02:00', () => {
    expect(isOpen(lateShift, '2026-01-16T20:59:59.999Z')).toBe(false);
    expect(isOpen(lateShift, '2026-01-16T21:00:00.000Z')).toBe(true);
    expect(isOpen(lateShift, '2026-01-17T00:00:00.000Z')).toBe(true);
    expect(isOpen(lateShift, '2026-01-17T00:59:59.999Z')).toBe(true);
    expect(isOpen(lateShift, '2026-01-17T01:00:00.000Z')).toBe(false);
  });

  test('is not open in the early hours of the day it starts on', () => {
    expect(isOpen(lateShift, '2026-01-16T00:00:00.000Z')).toBe(false);
  });

  test('after it ends, the next opening is the following Friday 22:00 local', () => {
    expect(nextOpening(lateShift, '2026-01-17T01:00:00.000Z')).toBe('2026-01-23T21:00:00.000Z');
  });

  test('belongs to the day it starts on: an exception for that day removes it, one for the next day does not', () => {
    const fridayOff = { ...lateShift, exceptions: [{ date: '2026-01-16', intervals: [] }] };
    expect(isOpen(fridayOff, '2026-01-17T00:00:00.000Z')).toBe(false);
    const saturdayOff = { ...lateShift, exceptions: [{ date: '2026-01-17', intervals: [] }] };
    expect(isOpen(saturdayOff, '2026-01-17T00:00:00.000Z')).toBe(true);
  });

  test('an end of 24:00 runs to midnight and an end equal to the start is a full day', () => {
    const untilMidnight = makeHours('Europe/Berlin', { mon: [{ start: '18:00', end: '24:00' }] });
    expect(isOpen(untilMidnight, '2026-01-12T22:59:59.999Z')).toBe(true);
    expect(isOpen(untilMidnight, '2026-01-12T23:00:00.000Z')).toBe(false);
    const allDay = makeHours('Europe/Berlin', { mon: [{ start: '00:00', end: '00:00' }] });
    expect(isOpen(allDay, '2026-01-11T22:59:59.999Z')).toBe(false);
    expect(isOpen(allDay, '2026-01-11T23:00:00.000Z')).toBe(true);
    expect(isOpen(allDay, '2026-01-12T22:59:59.999Z')).toBe(true);
    expect(isOpen(allDay, '2026-01-12T23:00:00.000Z')).toBe(false);
  });
});

describe('dated exceptions', () => {
  test('a holiday closes the whole day; the next opening is the day after', () => {
    const hours = { ...berlinOffice, exceptions: [{ date: '2026-01-12', intervals: [], label: 'Company day off' }] };
    expect(isOpen(hours, '2026-01-12T09:00:00.000Z')).toBe(false);
    expect(nextOpening(hours, '2026-01-12T09:00:00.000Z')).toBe('2026-01-13T08:00:00.000Z');
    expect(isOpen(hours, '2026-01-13T09:00:00.000Z')).toBe(true);
  });

  test('special hours replace the weekly intervals of that date', () => {
    const hours = {
      ...berlinOffice,
      exceptions: [{ date: '2026-01-13', intervals: [{ start: '10:00', end: '14:00' }] }],
    };
    expect(isOpen(hours, '2026-01-13T08:30:00.000Z')).toBe(false);
    expect(nextOpening(hours, '2026-01-13T08:30:00.000Z')).toBe('2026-01-13T09:00:00.000Z');
    expect(isOpen(hours, '2026-01-13T11:30:00.000Z')).toBe(true);
    expect(isOpen(hours, '2026-01-13T13:30:00.000Z')).toBe(false);
    expect(nextOpening(hours, '2026-01-13T13:30:00.000Z')).toBe('2026-01-14T08:00:00.000Z');
  });

  test('special hours can open a day that is closed every week', () => {
    const hours = {
      ...berlinOffice,
      exceptions: [{ date: '2026-01-17', intervals: [{ start: '10:00', end: '12:00' }] }],
    };
    expect(nextOpening(hours, '2026-01-16T16:30:00.000Z')).toBe('2026-01-17T09:00:00.000Z');
  });
});

describe('daylight saving time in Europe/Berlin', () => {
  // 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00 UTC). 2026-10-25: 03:00 CEST falls back to 02:00 CET (01:00 UTC).
  test('spring forward: 01:00–04:00 lasts two real hours', () => {
    const hours = makeHours('Europe/Berlin', { sun: [{ start: '01:00', end: '04:00' }] });
    expect(isOpen(hours, '2026-03-28T23:59:59.999Z')).toBe(false);
    expect(isOpen(hours, '2026-03-29T00:00:00.000Z')).toBe(true);
    expect(isOpen(hours, '2026-03-29T01:59:59.999Z')).toBe(true);
    expect(isOpen(hours, '2026-03-29T02:00:00.000Z')).toBe(false);
  });

  test('spring forward: an interval starting in the gap opens when the clocks reach 03:00', () => {
    const hours = makeHours('Europe/Berlin', { sun: [{ start: '02:30', end: '05:00' }] });
    expect(nextOpening(hours, '2026-03-28T12:00:00.000Z')).toBe('2026-03-29T01:00:00.000Z');
    expect(isOpen(hours, '2026-03-29T00:59:59.999Z')).toBe(false);
    expect(isOpen(hours, '2026-03-29T02:59:59.999Z')).toBe(true);
    expect(isOpen(hours, '2026-03-29T03:00:00.000Z')).toBe(false);
  });

  test('spring forward: an interval wholly inside the gap never opens', () => {
    const hours = makeHours('Europe/Berlin', { sun: [{ start: '02:15', end: '02:45' }] });
    expect(nextOpening(hours, '2026-03-28T12:00:00.000Z')).toBe('2026-04-05T00:15:00.000Z');
  });

  test('spring forward: the next opening after the change is 09:00 CEST', () => {
    expect(nextOpening(berlinOffice, '2026-03-27T17:00:00.000Z')).toBe('2026-03-30T07:00:00.000Z');
  });

  test('fall back: 01:00–04:00 lasts four real hours', () => {
    const hours = makeHours('Europe/Berlin', { sun: [{ start: '01:00', end: '04:00' }] });
    expect(isOpen(hours, '2026-10-24T22:59:59.999Z')).toBe(false);
    expect(isOpen(hours, '2026-10-24T23:00:00.000Z')).toBe(true);
    expect(isOpen(hours, '2026-10-25T02:59:59.999Z')).toBe(true);
    expect(isOpen(hours, '2026-10-25T03:00:00.000Z')).toBe(false);
  });

  test('fall back: a repeated time means its first occurrence', () => {
    const hours = makeHours('Europe/Berlin', { sun: [{ start: '02:30', end: '08:00' }] });
    expect(nextOpening(hours, '2026-10-24T12:00:00.000Z')).toBe('2026-10-25T00:30:00.000Z');
    const endsAtRepeat = makeHours('Europe/Berlin', { sun: [{ start: '00:00', end: '02:30' }] });
    expect(isOpen(endsAtRepeat, '2026-10-25T00:29:59.999Z')).toBe(true);
    expect(isOpen(endsAtRepeat, '2026-10-25T00:30:00.000Z')).toBe(false);
    expect(isOpen(endsAtRepeat, '2026-10-25T01:15:00.000Z')).toBe(false);
  });

  test('fall back: the next opening after the change is 09:00 CET', () => {
    expect(nextOpening(berlinOffice, '2026-10-23T16:00:00.000Z')).toBe('2026-10-26T08:00:00.000Z');
  });
});

describe('daylight saving time in America/New_York', () => {
  // 2026-03-08: 02:00 EST jumps to 03:00 EDT (07:00 UTC). 2026-11-01: 02:00 EDT falls back to 01:00 EST (06:00 UTC).
  const newYorkOffice = makeHours('America/New_York', officeWeek);

  test('spring forward: 01:00–04:00 lasts two real hours', () => {
    const hours = makeHours('America/New_York', { sun: [{ start: '01:00', end: '04:00' }] });
    expect(isOpen(hours, '2026-03-08T05:59:59.999Z')).toBe(false);
    expect(isOpen(hours, '2026-03-08T06:00:00.000Z')).toBe(true);
    expect(isOpen(hours, '2026-03-08T07:59:59.999Z')).toBe(true);
    expect(isOpen(hours, '2026-03-08T08:00:00.000Z')).toBe(false);
  });

  test('spring forward: the next opening after the change is 09:00 EDT', () => {
    expect(nextOpening(newYorkOffice, '2026-03-06T23:00:00.000Z')).toBe('2026-03-09T13:00:00.000Z');
  });

  test('fall back: 00:00–03:00 lasts four real hours', () => {
    const hours = makeHours('America/New_York', { sun: [{ start: '00:00', end: '03:00' }] });
    expect(isOpen(hours, '2026-11-01T03:59:59.999Z')).toBe(false);
    expect(isOpen(hours, '2026-11-01T04:00:00.000Z')).toBe(true);
    expect(isOpen(hours, '2026-11-01T07:59:59.999Z')).toBe(true);
    expect(isOpen(hours, '2026-11-01T08:00:00.000Z')).toBe(false);
  });

  test('fall back: the next opening after the change is 09:00 EST', () => {
    expect(nextOpening(newYorkOffice, '2026-10-30T22:00:00.000Z')).toBe('2026-11-02T14:00:00.000Z');
  });
});

describe('time zones far from UTC', () => {
  const nineToFive = [{ start: '09:00', end: '17:00' }];
  const withNineToFive = (timezone: string) =>
    makeHours(timezone, { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive });

  test('Pacific/Auckland: Monday 09:00 NZDT is Sunday 20:00 UTC', () => {
    const auckland = withNineToFive('Pacific/Auckland');
    expect(isOpen(auckland, '2026-01-11T19:59:59.999Z')).toBe(false);
    expect(isOpen(auckland, '2026-01-11T20:00:00.000Z')).toBe(true);
    expect(nextOpening(auckland, '2026-01-16T05:00:00.000Z')).toBe('2026-01-18T20:00:00.000Z');
  });

  test('Pacific/Auckland: after clocks go back on 2026-04-05, Monday 09:00 NZST is 21:00 UTC', () => {
    expect(nextOpening(withNineToFive('Pacific/Auckland'), '2026-04-03T05:00:00.000Z')).toBe(
      '2026-04-05T21:00:00.000Z',
    );
  });

  test('Asia/Kolkata: the half-hour offset puts 09:00 IST at 03:30 UTC', () => {
    const kolkata = withNineToFive('Asia/Kolkata');
    expect(isOpen(kolkata, '2026-01-12T03:29:59.999Z')).toBe(false);
    expect(isOpen(kolkata, '2026-01-12T03:30:00.000Z')).toBe(true);
    expect(isOpen(kolkata, '2026-01-12T11:29:59.999Z')).toBe(true);
    expect(isOpen(kolkata, '2026-01-12T11:30:00.000Z')).toBe(false);
    expect(nextOpening(kolkata, '2026-01-17T06:00:00.000Z')).toBe('2026-01-19T03:30:00.000Z');
  });
});

describe('never open', () => {
  test('a week with no intervals has no next opening', () => {
    const hours = makeHours('Europe/Berlin', {});
    expect(isOpen(hours, '2026-01-12T09:00:00.000Z')).toBe(false);
    expect(nextOpening(hours, '2026-01-12T09:00:00.000Z')).toBeNull();
  });

  test('an opening is found up to 14 days ahead, and not beyond', () => {
    const specialDay = (date: string) =>
      makeHours('Europe/Berlin', {}, [{ date, intervals: [{ start: '10:00', end: '12:00' }] }]);
    expect(nextOpening(specialDay('2026-01-26'), '2026-01-12T09:00:00.000Z')).toBe('2026-01-26T09:00:00.000Z');
    expect(nextOpening(specialDay('2026-01-26'), '2026-01-12T08:59:59.999Z')).toBeNull();
    expect(nextOpening(specialDay('2026-01-27'), '2026-01-12T00:00:00.000Z')).toBeNull();
  });

  test('a weekly opening closed by a holiday each time is not an opening', () => {
    const hours = makeHours('Europe/Berlin', { mon: [{ start: '09:00', end: '17:00' }] }, [
      { date: '2026-01-12', intervals: [] },
      { date: '2026-01-19', intervals: [] },
    ]);
    expect(nextOpening(hours, '2026-01-12T08:00:00.000Z')).toBe('2026-01-26T08:00:00.000Z');
    expect(nextOpening(hours, '2026-01-12T07:59:59.999Z')).toBeNull();
  });
});

describe('checkBusinessHours', () => {
  test('finds nothing wrong with sensible hours', () => {
    const hours = {
      ...berlinOffice,
      weekly: { ...officeWeek, sat: [{ start: '22:00', end: '02:00' }] },
      exceptions: [
        { date: '2026-12-24', intervals: [{ start: '09:00', end: '12:00' }], label: 'Christmas Eve' },
        { date: '2028-02-29', intervals: [] },
      ],
    };
    expect(checkBusinessHours(hours)).toEqual([]);
  });

  test('reports an unknown time zone', () => {
    expect(checkBusinessHours(makeHours('Europe/Atlantis', officeWeek))).toEqual([
      'Unknown timezone "Europe/Atlantis".',
    ]);
  });

  test('reports overlapping intervals on the same day, including ones that cross midnight', () => {
    const hours = makeHours('Europe/Berlin', {
      mon: [
        { start: '09:00', end: '12:00' },
        { start: '11:00', end: '14:00' },
        { start: '14:00', end: '15:00' },
      ],
      sat: [
        { start: '22:00', end: '02:00' },
        { start: '23:00', end: '23:30' },
        { start: '00:00', end: '01:00' },
      ],
    });
    expect(checkBusinessHours(hours)).toEqual([
      'Monday: 09:00–12:00 overlaps 11:00–14:00.',
      'Saturday: 22:00–02:00 overlaps 23:00–23:30.',
    ]);
  });

  test('reports exceptions that are not real dates, repeat a date or overlap', () => {
    const hours = makeHours('Europe/Berlin', officeWeek, [
      { date: '2026-02-30', intervals: [] },
      { date: '2026-02-29', intervals: [] },
      {
        date: '2026-12-31',
        intervals: [
          { start: '10:00', end: '12:00' },
          { start: '09:00', end: '10:30' },
        ],
      },
      { date: '2026-12-31', intervals: [] },
    ]);
    expect(checkBusinessHours(hours)).toEqual([
      'Exception 2026-02-30 is not a real date.',
      'Exception 2026-02-29 is not a real date.',
      '2026-12-31: 10:00–12:00 overlaps 09:00–10:30.',
      '2026-12-31 has more than one exception.',
    ]);
  });
});

describe('BusinessHoursSchema', () => {
  const checkSchema = Compile(BusinessHoursSchema);
  const withMonday = (intervals: unknown[]) => ({ ...berlinOffice, weekly: { ...officeWeek, mon: intervals } });

  test('accepts valid hours, an end of 24:00 and a labelled exception', () => {
    expect(checkSchema.Check(berlinOffice)).toBe(true);
    expect(checkSchema.Check(withMonday([{ start: '18:00', end: '24:00' }]))).toBe(true);
    expect(
      checkSchema.Check({ ...berlinOffice, exceptions: [{ date: '2026-12-25', intervals: [], label: 'Christmas' }] }),
    ).toBe(true);
  });

  test('refuses malformed times, too many intervals, a bad date and unknown fields', () => {
    expect(checkSchema.Check(withMonday([{ start: '24:00', end: '24:00' }]))).toBe(false);
    expect(checkSchema.Check(withMonday([{ start: '09:00', end: '24:30' }]))).toBe(false);
    expect(checkSchema.Check(withMonday([{ start: '9:00', end: '17:00' }]))).toBe(false);
    expect(checkSchema.Check(withMonday([{ start: '09:60', end: '17:00' }]))).toBe(false);
    expect(checkSchema.Check(withMonday(Array(7).fill({ start: '09:00', end: '10:00' })))).toBe(false);
    expect(checkSchema.Check({ ...berlinOffice, exceptions: [{ date: '2026-1-5', intervals: [] }] })).toBe(false);
    expect(
      checkSchema.Check({
        ...berlinOffice,
        exceptions: [{ date: '2026-01-05', intervals: [], label: 'x'.repeat(81) }],
      }),
    ).toBe(false);
    expect(checkSchema.Check({ ...berlinOffice, timezone: 'Europe/Berlin; DROP' })).toBe(false);
    expect(checkSchema.Check({ ...berlinOffice, holidays: [] })).toBe(false);
  });
});
