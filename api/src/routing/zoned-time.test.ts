import { describe, expect, test } from 'vitest';
import {
  addDays,
  formatLocalDate,
  getLocalDate,
  getUtcOffset,
  getWeekday,
  isKnownTimeZone,
  zonedWallTimeToUtc,
} from './zoned-time.ts';

const toUtc = (isoDate: string, time: string, timeZone: string) => {
  const [year, month, day] = isoDate.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return zonedWallTimeToUtc({ year: year!, month: month!, day: day! }, hour! * 60 + minute!, timeZone).toISOString();
};
const localDateOf = (iso: string, timeZone: string) => formatLocalDate(getLocalDate(new Date(iso), timeZone));

describe('zonedWallTimeToUtc', () => {
  test('uses the offset in force on that date', () => {
    expect(toUtc('2026-01-15', '09:00', 'Europe/Berlin')).toBe('2026-01-15T08:00:00.000Z');
    expect(toUtc('2026-07-15', '09:00', 'Europe/Berlin')).toBe('2026-07-15T07:00:00.000Z');
    expect(toUtc('2026-01-15', '09:00', 'America/New_York')).toBe('2026-01-15T14:00:00.000Z');
    expect(toUtc('2026-07-15', '09:00', 'America/New_York')).toBe('2026-07-15T13:00:00.000Z');
    expect(toUtc('2026-01-15', '09:00', 'UTC')).toBe('2026-01-15T09:00:00.000Z');
  });

  test('handles a half-hour offset and zones ahead of UTC across the date line', () => {
    expect(toUtc('2026-01-15', '09:00', 'Asia/Kolkata')).toBe('2026-01-15T03:30:00.000Z');
    expect(toUtc('2026-01-15', '09:00', 'Pacific/Auckland')).toBe('2026-01-14T20:00:00.000Z');
    expect(toUtc('2026-07-15', '09:00', 'Pacific/Auckland')).toBe('2026-07-14T21:00:00.000Z');
  });

  test('minutes past 24:00 fall on the following day', () => {
    expect(toUtc('2026-01-15', '24:00', 'Europe/Berlin')).toBe('2026-01-15T23:00:00.000Z');
    expect(toUtc('2026-01-15', '25:30', 'Europe/Berlin')).toBe('2026-01-16T00:30:00.000Z');
    expect(toUtc('2026-01-31', '26:00', 'Asia/Kolkata')).toBe('2026-01-31T20:30:00.000Z');
  });

  test('a time skipped by spring forward becomes the first instant after the gap', () => {
    // Berlin: 02:00 CET jumps to 03:00 CEST at 01:00 UTC.
    expect(toUtc('2026-03-29', '01:59', 'Europe/Berlin')).toBe('2026-03-29T00:59:00.000Z');
    expect(toUtc('2026-03-29', '02:00', 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z');
    expect(toUtc('2026-03-29', '02:30', 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z');
    expect(toUtc('2026-03-29', '03:00', 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z');
    expect(toUtc('2026-03-29', '03:01', 'Europe/Berlin')).toBe('2026-03-29T01:01:00.000Z');
    // New York: 02:00 EST jumps to 03:00 EDT at 07:00 UTC.
    expect(toUtc('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
    // Lord Howe moves only half an hour: 02:00 +10:30 jumps to 02:30 +11.
    expect(toUtc('2026-10-04', '02:15', 'Australia/Lord_Howe')).toBe('2026-10-03T15:30:00.000Z');
  });

  test('a time repeated by fall back is its first occurrence', () => {
    // Berlin: 03:00 CEST falls back to 02:00 CET at 01:00 UTC.
    expect(toUtc('2026-10-25', '02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    expect(toUtc('2026-10-25', '03:00', 'Europe/Berlin')).toBe('2026-10-25T02:00:00.000Z');
    // New York: 02:00 EDT falls back to 01:00 EST at 06:00 UTC.
    expect(toUtc('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(toUtc('2026-11-01', '02:00', 'America/New_York')).toBe('2026-11-01T07:00:00.000Z');
    // Lord Howe: 02:00 +11 falls back to 01:30 +10:30.
    expect(toUtc('2026-04-05', '01:45', 'Australia/Lord_Howe')).toBe('2026-04-04T14:45:00.000Z');
  });

  test.each(['Europe/Berlin', 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata', 'Australia/Lord_Howe'])(
    'every hour of 2026 in %s maps back to itself, or to the first occurrence of a repeated time',
    (timeZone) => {
      const mismatches: string[] = [];
      for (let time = Date.UTC(2026, 0, 1); time < Date.UTC(2027, 0, 1); time += 3_600_000) {
        const at = new Date(time);
        const wall = time + getUtcOffset(time, timeZone);
        const minuteOfDay = Math.floor((wall % 86_400_000) / 60_000);
        const back = zonedWallTimeToUtc(getLocalDate(at, timeZone), minuteOfDay, timeZone).getTime();
        const isSameWallTime = back + getUtcOffset(back, timeZone) === wall;
        if (
          !isSameWallTime ||
          back > time ||
          (back < time && getUtcOffset(time, timeZone) === getUtcOffset(back, timeZone))
        ) {
          mismatches.push(at.toISOString());
        }
      }
      expect(mismatches).toEqual([]);
    },
  );
});

describe('getLocalDate', () => {
  test('gives the calendar date on the wall clock in the zone', () => {
    expect(localDateOf('2026-01-14T20:00:00Z', 'Pacific/Auckland')).toBe('2026-01-15');
    expect(localDateOf('2026-01-14T20:00:00Z', 'America/New_York')).toBe('2026-01-14');
    expect(localDateOf('2026-01-14T18:29:59Z', 'Asia/Kolkata')).toBe('2026-01-14');
    expect(localDateOf('2026-01-14T18:30:00Z', 'Asia/Kolkata')).toBe('2026-01-15');
  });

  test('local midnight is the start of the new day, not hour 24 of the old one', () => {
    expect(localDateOf('2026-03-28T23:00:00Z', 'Europe/Berlin')).toBe('2026-03-29');
    expect(localDateOf('2026-03-28T22:59:59Z', 'Europe/Berlin')).toBe('2026-03-28');
  });
});

test('getUtcOffset follows daylight saving and half-hour zones', () => {
  expect(getUtcOffset(Date.UTC(2026, 0, 15), 'Europe/Berlin')).toBe(3_600_000);
  expect(getUtcOffset(Date.UTC(2026, 6, 15), 'Europe/Berlin')).toBe(7_200_000);
  expect(getUtcOffset(Date.UTC(2026, 0, 15), 'America/New_York')).toBe(-18_000_000);
  expect(getUtcOffset(Date.UTC(2026, 0, 15), 'Asia/Kolkata')).toBe(19_800_000);
  expect(getUtcOffset(Date.UTC(2026, 0, 15, 12, 0, 0, 999), 'Asia/Kolkata')).toBe(19_800_000);
});

test('addDays crosses month, year and leap-day boundaries', () => {
  expect(formatLocalDate(addDays({ year: 2028, month: 2, day: 28 }, 1))).toBe('2028-02-29');
  expect(formatLocalDate(addDays({ year: 2026, month: 2, day: 28 }, 1))).toBe('2026-03-01');
  expect(formatLocalDate(addDays({ year: 2026, month: 12, day: 31 }, 1))).toBe('2027-01-01');
  expect(formatLocalDate(addDays({ year: 2026, month: 1, day: 1 }, -1))).toBe('2025-12-31');
  expect(formatLocalDate(addDays({ year: 2026, month: 2, day: 30 }, 0))).toBe('2026-03-02');
});

test('getWeekday counts from Sunday', () => {
  expect(getWeekday({ year: 2026, month: 3, day: 29 })).toBe(0);
  expect(getWeekday({ year: 2026, month: 1, day: 12 })).toBe(1);
  expect(getWeekday({ year: 2026, month: 1, day: 17 })).toBe(6);
});

test('isKnownTimeZone accepts IANA names and refuses everything else', () => {
  expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
  expect(isKnownTimeZone('UTC')).toBe(true);
  expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  expect(isKnownTimeZone('+01:00')).toBe(false);
  expect(isKnownTimeZone('')).toBe(false);
});
