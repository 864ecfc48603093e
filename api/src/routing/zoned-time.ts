/** A calendar date with no time zone; month is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws a RangeError for a time zone Intl does not know. */
function getFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // hourCycle 'h23', not hour12: false, which writes midnight as "24".
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    getFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading in `timeZone` at `at`, expressed as if it were a UTC timestamp. */
function readWallClock(at: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const { type, value } of getFormatter(timeZone).formatToParts(at)) parts[type] = Number(value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** How far `timeZone`'s wall clock is ahead of UTC at `at`, in milliseconds. */
export function getUtcOffset(at: number, timeZone: string): number {
  return readWallClock(at, timeZone) - Math.floor(at / 1000) * 1000;
}

export function getLocalDate(at: Date, timeZone: string): LocalDate {
  const wall = new Date(readWallClock(at.getTime(), timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, like Date#getDay. */
export function getWeekday(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** 'YYYY-MM-DD'. */
export function formatLocalDate(date: LocalDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/**
 * The instant when the wall clock in `timeZone` shows `minuteOfDay` minutes after midnight of `date`
 * (values of 1440 and more fall on the following days). A time skipped by a forward change becomes the
 * first instant after the gap; a time repeated by a backward change is its first occurrence.
 */
export function zonedWallTimeToUtc(date: LocalDate, minuteOfDay: number, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  // Assumes at most one offset change within a day either side, which holds for every zone in use today.
  const offsetBefore = getUtcOffset(wall - MS_PER_DAY, timeZone);
  const offsetAfter = getUtcOffset(wall + MS_PER_DAY, timeZone);
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter(
    (instant) => readWallClock(instant, timeZone) === wall,
  );
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(findOffsetChange(wall - offsetAfter, wall - offsetBefore, offsetAfter, timeZone));
}

/** The first whole second in (from, to] whose offset is `offsetAfter`; `from` must still have the old one. */
function findOffsetChange(from: number, to: number, offsetAfter: number, timeZone: string): number {
  let low = Math.floor(from / 1000);
  let high = Math.ceil(to / 1000);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (getUtcOffset(middle * 1000, timeZone) === offsetAfter) high = middle;
    else low = middle;
  }
  return high * 1000;
}
