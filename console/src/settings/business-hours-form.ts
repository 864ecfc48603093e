import type { BusinessHours, Interval } from '@parley/api/protocol';

// The business-hours editor works on a draft (strings as typed, ids for React keys, "always open" as a
// switch); these functions turn the api's BusinessHours into a draft and back, checking what the api
// checks (times, overlaps, dates, the timezone) so mistakes show next to the field before anything is sent.

export const WEEKDAYS = [
  { key: 'mon', label: 'Monday', short: 'Mon' },
  { key: 'tue', label: 'Tuesday', short: 'Tue' },
  { key: 'wed', label: 'Wednesday', short: 'Wed' },
  { key: 'thu', label: 'Thursday', short: 'Thu' },
  { key: 'fri', label: 'Friday', short: 'Fri' },
  { key: 'sat', label: 'Saturday', short: 'Sat' },
  { key: 'sun', label: 'Sunday', short: 'Sun' },
] as const;
export type WeekdayKey = (typeof WEEKDAYS)[number]['key'];

/** The api's limits (api/src/protocol/business-hours.ts). */
export const MAX_INTERVALS_PER_DAY = 6;
export const MAX_EXCEPTIONS = 366;
export const MAX_EXCEPTION_LABEL = 80;
const MAX_TIMEZONE_LENGTH = 64;

export interface IntervalDraft {
  id: string;
  start: string;
  end: string;
}

export interface ExceptionDraft {
  id: string;
  date: string;
  label: string;
  isClosed: boolean;
  /** Kept while "closed all day" is chosen, so switching back restores them. */
  intervals: IntervalDraft[];
}

export interface BusinessHoursDraft {
  isAlwaysOpen: boolean;
  timezone: string;
  weekly: Record<WeekdayKey, IntervalDraft[]>;
  exceptions: ExceptionDraft[];
}

/**
 * Problems keyed by where they show: `timezone`, `<interval id>` (its start/end), `<day>` (the day as a
 * whole), `<exception id>.date`, `<exception id>.label`, `<exception id>.intervals`, `exceptions`.
 */
export type DraftErrors = Record<string, string>;

export type DraftResult =
  | { ok: true; hours: BusinessHours | null }
  | { ok: false; errors: DraftErrors; summary: string[] };

const START_PATTERN = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const END_PATTERN = /^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;
const DATE_PATTERN = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
/** What the api's schema allows for a timezone name (Intl also knows offsets like "+05:30"; the api does not). */
const TIMEZONE_PATTERN = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
const MINUTES_PER_DAY = 1440;

let lastId = 0;
export function createDraftId(): string {
  lastId += 1;
  return `d${lastId}`;
}

export function createInterval(start = '09:00', end = '17:00'): IntervalDraft {
  return { id: createDraftId(), start, end };
}

/** A usual office week, offered when someone turns "always open" off for the first time. */
export function createOfficeWeek(): Record<WeekdayKey, IntervalDraft[]> {
  const weekly = {} as Record<WeekdayKey, IntervalDraft[]>;
  for (const { key } of WEEKDAYS) weekly[key] = key === 'sat' || key === 'sun' ? [] : [createInterval()];
  return weekly;
}

export function createException(date = ''): ExceptionDraft {
  return { id: createDraftId(), date, label: '', isClosed: true, intervals: [createInterval('10:00', '14:00')] };
}

export function toBusinessHoursDraft(hours: BusinessHours | null, fallbackTimezone: string): BusinessHoursDraft {
  if (!hours) return { isAlwaysOpen: true, timezone: fallbackTimezone, weekly: createOfficeWeek(), exceptions: [] };
  const weekly = {} as Record<WeekdayKey, IntervalDraft[]>;
  for (const { key } of WEEKDAYS) weekly[key] = hours.weekly[key].map(toIntervalDraft);
  return {
    isAlwaysOpen: false,
    timezone: hours.timezone,
    weekly,
    exceptions: hours.exceptions.map((exception) => ({
      id: createDraftId(),
      date: exception.date,
      label: exception.label ?? '',
      isClosed: exception.intervals.length === 0,
      intervals: exception.intervals.length > 0 ? exception.intervals.map(toIntervalDraft) : [createInterval()],
    })),
  };
}

/** The BusinessHours to send (null = always open), or every problem found, each next to its field. */
export function fromBusinessHoursDraft(draft: BusinessHoursDraft): DraftResult {
  if (draft.isAlwaysOpen) return { ok: true, hours: null };
  const errors: DraftErrors = {};
  const summary: string[] = [];
  const fail = (key: string, where: string, message: string) => {
    if (!errors[key]) errors[key] = message;
    summary.push(`${where}: ${message}`);
  };

  const timezone = draft.timezone.trim();
  if (!timezone) fail('timezone', 'Timezone', 'Choose a timezone.');
  else if (timezone.length > MAX_TIMEZONE_LENGTH || !TIMEZONE_PATTERN.test(timezone) || !isKnownTimeZone(timezone))
    fail('timezone', 'Timezone', `"${timezone}" is not a timezone name like Europe/Berlin.`);

  const weekly = {} as BusinessHours['weekly'];
  for (const { key, label } of WEEKDAYS) {
    weekly[key] = checkIntervals(draft.weekly[key], key, label, fail);
  }

  const exceptions: BusinessHours['exceptions'] = [];
  const seenDates = new Set<string>();
  if (draft.exceptions.length > MAX_EXCEPTIONS) {
    fail('exceptions', 'Exceptions', `At most ${MAX_EXCEPTIONS} dated exceptions.`);
  }
  for (const exception of draft.exceptions) {
    const date = exception.date.trim();
    const where = date || 'An exception';
    if (!date) fail(`${exception.id}.date`, where, 'Pick a date.');
    else if (!isRealDate(date)) fail(`${exception.id}.date`, where, 'This is not a real date.');
    else if (seenDates.has(date)) fail(`${exception.id}.date`, where, 'This date already has an exception.');
    else seenDates.add(date);
    const label = exception.label.trim();
    if (label.length > MAX_EXCEPTION_LABEL) {
      fail(`${exception.id}.label`, where, `Keep the label to ${MAX_EXCEPTION_LABEL} characters or fewer.`);
    }
    let intervals: Interval[] = [];
    if (!exception.isClosed) {
      if (exception.intervals.length === 0) {
        fail(`${exception.id}.intervals`, where, 'Add opening hours, or choose "Closed all day".');
      }
      intervals = checkIntervals(exception.intervals, `${exception.id}.intervals`, where, fail);
    }
    exceptions.push({ date, intervals, ...(label ? { label } : {}) });
  }

  if (summary.length > 0) return { ok: false, errors, summary };
  exceptions.sort((a, b) => a.date.localeCompare(b.date));
  return { ok: true, hours: { timezone, weekly, exceptions } };
}

/** Worth saying but not wrong: hours that never open. */
export function listDraftWarnings(draft: BusinessHoursDraft): string[] {
  if (draft.isAlwaysOpen) return [];
  const isWeekClosed = WEEKDAYS.every(({ key }) => draft.weekly[key].length === 0);
  return isWeekClosed
    ? ['No day has opening hours, so visitors are always told the team is away (except on special dates).']
    : [];
}

function checkIntervals(
  drafts: IntervalDraft[],
  groupKey: string,
  where: string,
  fail: (key: string, where: string, message: string) => void,
): Interval[] {
  if (drafts.length > MAX_INTERVALS_PER_DAY) {
    fail(groupKey, where, `At most ${MAX_INTERVALS_PER_DAY} opening intervals a day.`);
  }
  const valid: { draft: IntervalDraft; interval: Interval }[] = [];
  for (const draft of drafts) {
    const interval = { start: normalizeTime(draft.start), end: normalizeTime(draft.end) };
    if (!START_PATTERN.test(interval.start)) {
      fail(draft.id, where, `Opening time "${draft.start.trim() || '(empty)'}" should look like 09:00.`);
    } else if (!END_PATTERN.test(interval.end)) {
      fail(draft.id, where, `Closing time "${draft.end.trim() || '(empty)'}" should look like 17:30 (or 24:00).`);
    } else {
      valid.push({ draft, interval });
    }
  }
  valid.forEach((second, index) => {
    const earlier = valid.slice(0, index).find((first) => doIntervalsOverlap(first.interval, second.interval));
    if (earlier) {
      fail(second.draft.id, where, `${formatInterval(second.interval)} overlaps ${formatInterval(earlier.interval)}.`);
    }
  });
  // Saved in the order of the day, whatever order they were typed in.
  return valid.map(({ interval }) => interval).sort((a, b) => parseTime(a.start) - parseTime(b.start));
}

/**
 * Turns what people type ("9", "930", "9:30", "9.30", "9h30", "24", "5pm", "12:30 am") into HH:MM;
 * anything else is returned trimmed (and then reported as not a time).
 */
export function normalizeTime(input: string): string {
  const trimmed = input.trim();
  const meridiem = /^(\d{1,2})(?:[:.h]?(\d{2}))?\s*([ap])\.?m\.?$/i.exec(trimmed);
  if (meridiem) {
    const hour = Number(meridiem[1]);
    const minute = meridiem[2] === undefined ? 0 : Number(meridiem[2]);
    if (hour < 1 || hour > 12 || minute > 59) return trimmed;
    const isPm = meridiem[3]!.toLowerCase() === 'p';
    return formatTime((hour % 12) + (isPm ? 12 : 0), minute);
  }
  const match = /^(\d{1,2})(?:[:.h](\d{2}))?$/.exec(trimmed) ?? /^(\d{1,2})(\d{2})$/.exec(trimmed);
  if (!match) return trimmed;
  const hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  if (hour > 24 || minute > 59 || (hour === 24 && minute !== 0)) return trimmed;
  return formatTime(hour, minute);
}

/** Whether two intervals of one day overlap; an end not after its start runs past midnight (as the api reads it). */
export function doIntervalsOverlap(a: Interval, b: Interval): boolean {
  const first = toMinuteRange(a);
  const second = toMinuteRange(b);
  return first.start < second.end && second.start < first.end;
}

/**
 * How the api reads an interval whose end is not after its start: 22:00–02:00 ends the next day and
 * 09:00–09:00 is a full 24 hours. Null for an ordinary interval or one that is not (yet) valid.
 */
export function describeIntervalSpan(interval: { start: string; end: string }): 'next-day' | 'full-day' | null {
  const start = normalizeTime(interval.start);
  const end = normalizeTime(interval.end);
  if (!START_PATTERN.test(start) || !END_PATTERN.test(end)) return null;
  const startMinutes = parseTime(start);
  const endMinutes = parseTime(end);
  if (endMinutes === startMinutes || (startMinutes === 0 && endMinutes === MINUTES_PER_DAY)) return 'full-day';
  return endMinutes < startMinutes ? 'next-day' : null;
}

export function crossesMidnight(interval: { start: string; end: string }): boolean {
  const start = normalizeTime(interval.start);
  const end = normalizeTime(interval.end);
  if (!START_PATTERN.test(start) || !END_PATTERN.test(end)) return false;
  return parseTime(end) <= parseTime(start);
}

export function formatInterval(interval: Interval): string {
  return `${interval.start}–${interval.end}`;
}

/**
 * The api answers a bad week with 400 and one message listing every problem:
 * "routing.businessHours: Monday: 09:00–17:00 overlaps 10:00–11:00.; Unknown timezone "X"..".
 * This gives one problem per line for the form; any other message is returned as it is.
 */
export function splitServerProblems(message: string): string[] {
  const prefix = /^routing\.businessHours:\s*/;
  if (!prefix.test(message)) return [message];
  return message
    .replace(prefix, '')
    .split(/;\s+/)
    .map((part) => part.trim().replace(/\.+$/, ''))
    .filter(Boolean)
    .map((part) => `${part}.`);
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The browser's IANA zone, the default for new business hours; UTC if it cannot tell. */
export function detectBrowserTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone && TIMEZONE_PATTERN.test(zone) && isKnownTimeZone(zone) ? zone : 'UTC';
  } catch {
    return 'UTC';
  }
}

export function isRealDate(isoDate: string): boolean {
  if (!DATE_PATTERN.test(isoDate)) return false;
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function toIntervalDraft(interval: Interval): IntervalDraft {
  return { id: createDraftId(), start: interval.start, end: interval.end };
}

function toMinuteRange(interval: Interval) {
  const start = parseTime(interval.start);
  const end = parseTime(interval.end);
  return { start, end: end <= start ? end + MINUTES_PER_DAY : end };
}

function parseTime(time: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return hour * 60 + minute;
}

function formatTime(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
