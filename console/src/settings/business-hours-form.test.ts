import type { BusinessHours } from '@parley/api/protocol';
import { describe, expect, test } from 'vitest';
import {
  type BusinessHoursDraft,
  createException,
  createInterval,
  crossesMidnight,
  describeIntervalSpan,
  detectBrowserTimeZone,
  doIntervalsOverlap,
  type ExceptionDraft,
  fromBusinessHoursDraft,
  isRealDate,
  listDraftWarnings,
  normalizeTime,
  splitServerProblems,
  toBusinessHoursDraft,
  WEEKDAYS,
} from './business-hours-form.ts';

const closedWeek = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

const hours: BusinessHours = {
  timezone: 'Europe/Berlin',
  weekly: {
    ...closedWeek,
    mon: [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ],
    fri: [{ start: '22:00', end: '02:00' }],
  },
  exceptions: [
    { date: '2026-12-24', intervals: [{ start: '10:00', end: '14:00' }], label: 'Christmas Eve' },
    { date: '2026-12-25', intervals: [], label: 'Christmas' },
  ],
};

function draftOf(value: BusinessHours | null = hours): BusinessHoursDraft {
  return toBusinessHoursDraft(value, 'America/New_York');
}

function expectErrors(draft: BusinessHoursDraft) {
  const result = fromBusinessHoursDraft(draft);
  if (result.ok) throw new Error('expected the draft to be refused');
  return result;
}

describe('draft ↔ BusinessHours', () => {
  test('a round trip gives back the same hours', () => {
    expect(fromBusinessHoursDraft(draftOf())).toEqual({ ok: true, hours });
  });

  test('no hours means always open, with an office week and the fallback timezone ready for when it is turned off', () => {
    const draft = draftOf(null);
    expect(draft.isAlwaysOpen).toBe(true);
    expect(draft.timezone).toBe('America/New_York');
    expect(draft.weekly.mon.map(({ start, end }) => `${start}-${end}`)).toEqual(['09:00-17:00']);
    expect(draft.weekly.sat).toEqual([]);
    expect(fromBusinessHoursDraft(draft)).toEqual({ ok: true, hours: null });
  });

  test('"always open" wins even when the hidden week has mistakes', () => {
    const draft = draftOf();
    draft.weekly.mon.push(createInterval('10:00', '11:00'));
    draft.isAlwaysOpen = true;
    expect(fromBusinessHoursDraft(draft)).toEqual({ ok: true, hours: null });
  });

  test('a closed exception keeps the hours it had, so switching back restores them', () => {
    const draft = draftOf();
    const christmas = draft.exceptions[1]!;
    expect(christmas.isClosed).toBe(true);
    expect(christmas.intervals).toHaveLength(1);
    const eve = draft.exceptions[0]!;
    eve.isClosed = true;
    const result = fromBusinessHoursDraft(draft);
    expect(result.ok && result.hours?.exceptions[0]).toEqual({
      date: '2026-12-24',
      intervals: [],
      label: 'Christmas Eve',
    });
    eve.isClosed = false;
    const restored = fromBusinessHoursDraft(draft);
    expect(restored.ok && restored.hours?.exceptions[0]?.intervals).toEqual([{ start: '10:00', end: '14:00' }]);
  });

  test('times are normalized, intervals sorted, labels trimmed and exceptions sorted by date', () => {
    const draft = draftOf();
    draft.weekly.tue = [createInterval('1pm', '1730'), createInterval('9', '12.00')];
    draft.exceptions = [
      { ...createException('2027-01-01'), label: '  New year  ' },
      { ...createException('2026-05-01'), label: '' },
    ];
    const result = fromBusinessHoursDraft(draft);
    if (!result.ok || !result.hours) throw new Error('expected hours');
    expect(result.hours.weekly.tue).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ]);
    expect(result.hours.exceptions).toEqual([
      { date: '2026-05-01', intervals: [] },
      { date: '2027-01-01', intervals: [], label: 'New year' },
    ]);
  });

  test('intervals crossing midnight and full days are allowed', () => {
    const draft = draftOf();
    draft.weekly.sat = [createInterval('22:00', '02:00')];
    draft.weekly.sun = [createInterval('00:00', '24:00')];
    draft.weekly.wed = [createInterval('08:00', '08:00')];
    expect(fromBusinessHoursDraft(draft).ok).toBe(true);
  });
});

describe('checks, each next to its field', () => {
  test('overlapping intervals are reported on the later one, naming both', () => {
    const draft = draftOf();
    const late = createInterval('11:00', '14:00');
    draft.weekly.mon.push(late);
    const { errors, summary } = expectErrors(draft);
    expect(errors[late.id]).toBe('11:00–14:00 overlaps 09:00–12:00.');
    expect(summary).toContain('Monday: 11:00–14:00 overlaps 09:00–12:00.');
  });

  test('an interval past midnight overlaps a late one that starts before it ends', () => {
    const draft = draftOf();
    const late = createInterval('23:30', '23:45');
    draft.weekly.fri.push(late);
    expect(expectErrors(draft).errors[late.id]).toMatch(/overlaps 22:00–02:00/);
  });

  test('a time that is not a time says what it should look like', () => {
    const draft = draftOf();
    const [first] = draft.weekly.mon;
    first!.start = '25:00';
    const second = draft.weekly.mon[1]!;
    second.end = '';
    const { errors } = expectErrors(draft);
    expect(errors[first!.id]).toBe('Opening time "25:00" should look like 09:00.');
    expect(errors[second.id]).toBe('Closing time "(empty)" should look like 17:30 (or 24:00).');
  });

  test('24:00 closes a day but cannot open one', () => {
    const draft = draftOf();
    draft.weekly.tue = [createInterval('24:00', '02:00')];
    expect(expectErrors(draft).errors[draft.weekly.tue[0]!.id]).toMatch(/Opening time "24:00"/);
  });

  test('more than six intervals in a day is refused for the day', () => {
    const draft = draftOf();
    draft.weekly.wed = ['00', '02', '04', '06', '08', '10', '12'].map((hour) =>
      createInterval(`${hour}:00`, `${hour}:30`),
    );
    expect(expectErrors(draft).errors.wed).toBe('At most 6 opening intervals a day.');
  });

  test('the timezone must be one Intl and the api know', () => {
    for (const timezone of ['', 'Mars/Olympus_Mons', '+05:30', 'Europe/Berlin; drop']) {
      const draft = draftOf();
      draft.timezone = timezone;
      expect(expectErrors(draft).errors.timezone, timezone).toBeTruthy();
    }
    const draft = draftOf();
    draft.timezone = ' UTC ';
    const result = fromBusinessHoursDraft(draft);
    expect(result.ok && result.hours?.timezone).toBe('UTC');
  });

  test('exception dates must be given, real and not repeated', () => {
    const draft = draftOf();
    const empty = createException('');
    const unreal = createException('2026-02-30');
    const repeated = createException('2026-12-25');
    draft.exceptions.push(empty, unreal, repeated);
    const { errors, summary } = expectErrors(draft);
    expect(errors[`${empty.id}.date`]).toBe('Pick a date.');
    expect(errors[`${unreal.id}.date`]).toBe('This is not a real date.');
    expect(errors[`${repeated.id}.date`]).toBe('This date already has an exception.');
    expect(errors[`${draft.exceptions[1]!.id}.date`]).toBeUndefined();
    expect(summary).toHaveLength(3);
  });

  test('special hours need at least one interval, and are checked like a weekday', () => {
    const draft = draftOf();
    const special: ExceptionDraft = { ...createException('2026-07-04'), isClosed: false, intervals: [] };
    draft.exceptions.push(special);
    expect(expectErrors(draft).errors[`${special.id}.intervals`]).toMatch(/Add opening hours/);
    const overlapping = createInterval('12:00', '15:00');
    special.intervals = [createInterval('10:00', '13:00'), overlapping];
    const { errors, summary } = expectErrors(draft);
    expect(errors[overlapping.id]).toBe('12:00–15:00 overlaps 10:00–13:00.');
    expect(summary).toEqual(['2026-07-04: 12:00–15:00 overlaps 10:00–13:00.']);
  });

  test('a closed exception does not check its hidden intervals', () => {
    const draft = draftOf();
    draft.exceptions[1]!.intervals = [createInterval('x', 'y')];
    expect(fromBusinessHoursDraft(draft).ok).toBe(true);
  });

  test('labels longer than the api allows are refused', () => {
    const draft = draftOf();
    draft.exceptions[0]!.label = 'x'.repeat(81);
    expect(expectErrors(draft).errors[`${draft.exceptions[0]!.id}.label`]).toMatch(/80 characters/);
  });

  test('a week with no opening hours is allowed but warned about', () => {
    const draft = draftOf();
    for (const { key } of WEEKDAYS) draft.weekly[key] = [];
    expect(fromBusinessHoursDraft(draft).ok).toBe(true);
    expect(listDraftWarnings(draft)).toHaveLength(1);
    expect(listDraftWarnings(draftOf())).toEqual([]);
  });
});

describe('times', () => {
  test.each([
    ['9', '09:00'],
    ['09', '09:00'],
    ['930', '09:30'],
    ['0930', '09:30'],
    ['9:30', '09:30'],
    ['9.30', '09:30'],
    ['9h30', '09:30'],
    [' 17:45 ', '17:45'],
    ['24', '24:00'],
    ['24:00', '24:00'],
    ['5pm', '17:00'],
    ['5:30 PM', '17:30'],
    ['12am', '00:00'],
    ['12 p.m.', '12:00'],
    ['24:30', '24:30'],
    ['13pm', '13pm'],
    ['9:5', '9:5'],
    ['noon', 'noon'],
  ])('normalizeTime(%j) = %j', (input, expected) => {
    expect(normalizeTime(input)).toBe(expected);
  });

  test('overlap reads an end not after its start as the next day, like the api', () => {
    expect(doIntervalsOverlap({ start: '09:00', end: '12:00' }, { start: '12:00', end: '13:00' })).toBe(false);
    expect(doIntervalsOverlap({ start: '09:00', end: '12:00' }, { start: '11:59', end: '13:00' })).toBe(true);
    expect(doIntervalsOverlap({ start: '22:00', end: '02:00' }, { start: '01:00', end: '03:00' })).toBe(false);
    expect(doIntervalsOverlap({ start: '22:00', end: '02:00' }, { start: '23:00', end: '23:30' })).toBe(true);
    expect(doIntervalsOverlap({ start: '09:00', end: '09:00' }, { start: '18:00', end: '19:00' })).toBe(true);
  });

  test('describeIntervalSpan tells ordinary, next-day and full-day intervals apart', () => {
    expect(describeIntervalSpan({ start: '09:00', end: '17:00' })).toBeNull();
    expect(describeIntervalSpan({ start: '22:00', end: '2' })).toBe('next-day');
    expect(describeIntervalSpan({ start: '09:00', end: '09:00' })).toBe('full-day');
    expect(describeIntervalSpan({ start: '00:00', end: '24:00' })).toBe('full-day');
    expect(describeIntervalSpan({ start: 'soon', end: '02:00' })).toBeNull();
    expect(crossesMidnight({ start: '22:00', end: '02:00' })).toBe(true);
    expect(crossesMidnight({ start: '08:00', end: '17:00' })).toBe(false);
  });

  test('isRealDate', () => {
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2027-02-29')).toBe(false);
    expect(isRealDate('2027-13-01')).toBe(false);
    expect(isRealDate('27-01-01')).toBe(false);
  });

  test('the browser timezone is an IANA name', () => {
    expect(detectBrowserTimeZone()).toMatch(/^[A-Za-z]/);
  });
});

describe('server problems', () => {
  test('the api list becomes one line per problem, each ending with one full stop', () => {
    const message =
      'routing.businessHours: Unknown timezone "Mars/Olympus_Mons".; Monday: 09:00–17:00 overlaps 10:00–11:00.; 2026-02-30 is not a real date..';
    expect(splitServerProblems(message)).toEqual([
      'Unknown timezone "Mars/Olympus_Mons".',
      'Monday: 09:00–17:00 overlaps 10:00–11:00.',
      '2026-02-30 is not a real date.',
    ]);
  });

  test('any other message is kept whole', () => {
    const message = 'body routing.businessHours.weekly.mon.0.start: must match pattern "^x$".';
    expect(splitServerProblems(message)).toEqual([message]);
  });
});
