import type { BusinessHours, Interval } from '../protocol/business-hours.ts';
import {
  addDays,
  formatLocalDate,
  getLocalDate,
  getWeekday,
  isKnownTimeZone,
  type LocalDate,
  zonedWallTimeToUtc,
} from './zoned-time.ts';

const WEEKDAYS = [
  ['sun', 'Sunday'],
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
  ['sat', 'Saturday'],
] as const;
const MINUTES_PER_DAY = 1440;
const LOOKAHEAD_DAYS = 14;
const MS_PER_DAY = 86_400_000;

interface MinuteRange {
  start: number;
  end: number;
}

interface OpenSpan {
  start: number;
  end: number;
}

// The functions below throw a RangeError for a time zone Intl does not know: run checkBusinessHours first.

export function isWithinBusinessHours(hours: BusinessHours, at: Date): boolean {
  const time = at.getTime();
  // An interval that covers `at` starts on its local date or, crossing midnight, on the day before.
  const yesterday = addDays(getLocalDate(at, hours.timezone), -1);
  return listOpenSpans(hours, yesterday, 2).some((span) => span.start <= time && time < span.end);
}

/** The first instant from `at` on when the team is open, or null if it stays closed for the next 14 days. */
export function findNextOpening(hours: BusinessHours, at: Date): Date | null {
  if (isWithinBusinessHours(hours, at)) return at;
  const time = at.getTime();
  const limit = time + LOOKAHEAD_DAYS * MS_PER_DAY;
  const starts = listOpenSpans(hours, getLocalDate(at, hours.timezone), LOOKAHEAD_DAYS + 1)
    .map((span) => span.start)
    .filter((start) => start > time && start <= limit);
  return starts.length > 0 ? new Date(Math.min(...starts)) : null;
}

/** Problems a person can fix, one sentence each; empty when the hours are usable. */
export function checkBusinessHours(hours: BusinessHours): string[] {
  const problems: string[] = [];
  if (!isKnownTimeZone(hours.timezone)) problems.push(`Unknown timezone "${hours.timezone}".`);
  for (const [key, name] of WEEKDAYS) {
    problems.push(...listOverlaps(hours.weekly[key]).map((overlap) => `${name}: ${overlap}.`));
  }
  const seenDates = new Set<string>();
  for (const { date, intervals } of hours.exceptions) {
    if (!isRealDate(date)) problems.push(`Exception ${date} is not a real date.`);
    if (seenDates.has(date)) problems.push(`${date} has more than one exception.`);
    seenDates.add(date);
    problems.push(...listOverlaps(intervals).map((overlap) => `${date}: ${overlap}.`));
  }
  return problems;
}

function listOpenSpans(hours: BusinessHours, from: LocalDate, days: number): OpenSpan[] {
  const spans: OpenSpan[] = [];
  for (let offset = 0; offset < days; offset++) {
    const date = addDays(from, offset);
    for (const interval of findIntervalsStartingOn(hours, date)) {
      const range = toMinuteRange(interval);
      const start = zonedWallTimeToUtc(date, range.start, hours.timezone).getTime();
      const end = zonedWallTimeToUtc(date, range.end, hours.timezone).getTime();
      // Empty when the whole interval falls in a spring-forward gap.
      if (start < end) spans.push({ start, end });
    }
  }
  return spans;
}

function findIntervalsStartingOn(hours: BusinessHours, date: LocalDate): readonly Interval[] {
  const isoDate = formatLocalDate(date);
  const exception = hours.exceptions.find((candidate) => candidate.date === isoDate);
  return exception ? exception.intervals : hours.weekly[WEEKDAYS[getWeekday(date)]![0]];
}

/** Minutes from the start day's midnight; an end not after the start lies on the next day. */
function toMinuteRange(interval: Interval): MinuteRange {
  const start = parseTimeOfDay(interval.start);
  const end = parseTimeOfDay(interval.end);
  return { start, end: end <= start ? end + MINUTES_PER_DAY : end };
}

function parseTimeOfDay(time: string): number {
  const [hour, minute] = time.split(':').map(Number);
  return hour! * 60 + minute!;
}

function listOverlaps(intervals: readonly Interval[]): string[] {
  const overlaps: string[] = [];
  intervals.forEach((first, index) => {
    for (const second of intervals.slice(index + 1)) {
      if (doRangesOverlap(toMinuteRange(first), toMinuteRange(second))) {
        overlaps.push(`${formatInterval(first)} overlaps ${formatInterval(second)}`);
      }
    }
  });
  return overlaps;
}

function doRangesOverlap(a: MinuteRange, b: MinuteRange): boolean {
  return a.start < b.end && b.start < a.end;
}

function formatInterval(interval: Interval): string {
  return `${interval.start}–${interval.end}`;
}

function isRealDate(isoDate: string): boolean {
  const [year, month, day] = isoDate.split('-').map(Number);
  const date = { year: year!, month: month!, day: day! };
  return formatLocalDate(addDays(date, 0)) === isoDate;
}
