// Pure text for the queue line and the away notice, so both can be unit-tested without a DOM.
import { strings } from '../i18n/strings.ts';

/** "less than a minute", "about 2 min", "about 1 hour" (a rough promise, shown as such). */
export function formatWait(seconds: number): string {
  if (seconds < 60) return strings.waitUnderMinute;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return strings.waitMinutes(minutes);
  return strings.waitHours(Math.round(minutes / 60));
}

/** "You’re number 3 in line · about 2 min", or without the estimate when there is none. */
export function describeQueue(position: number, estimatedWaitSeconds: number | null): string {
  const place = strings.queuePosition(position);
  return estimatedWaitSeconds === null ? place : strings.queueWithWait(place, formatWait(estimatedWaitSeconds));
}

function createFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    // An unknown locale or time zone: the browser's own.
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone: undefined });
  }
}

/** Days since 1970-01-01 of the calendar date `date` falls on in `timeZone`. */
function toDayNumber(date: Date, timeZone: string | undefined): number {
  const parts = createFormat('en-US-u-nu-latn-ca-gregory', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round(Date.UTC(part('year'), part('month') - 1, part('day')) / 86_400_000);
}

/** "09:00" on a 24-hour clock, "9:00 AM" on a 12-hour one, as the locale prefers. */
function formatClock(date: Date, locale: string | undefined, timeZone: string | undefined): string {
  const numeric = createFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' });
  const cycle = numeric.resolvedOptions().hourCycle;
  // "9:00 AM" must not break before "AM" on a narrow phone (ICUs differ: a plain or a narrow space).
  if (cycle === 'h12' || cycle === 'h11') return numeric.format(date).replace(/\s/g, '\u00a0');
  return createFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(date);
}

/**
 * When the team is back, in the visitor's words and clock: "at 09:00" (later today), "tomorrow at
 * 09:00", "Monday at 09:00" (within a week), "on Monday 12 March at 09:00". Days are counted in
 * `timeZone` (the visitor's own when undefined), so an opening just after midnight is "tomorrow".
 */
export function formatBackAt(nextOpenAt: Date, now: Date, locale: string | undefined, timeZone?: string): string {
  const time = formatClock(nextOpenAt, locale, timeZone);
  const days = toDayNumber(nextOpenAt, timeZone) - toDayNumber(now, timeZone);
  if (days <= 0) return strings.backAt(time);
  if (days === 1) return strings.backTomorrowAt(time);
  if (days < 7) {
    return strings.backOnWeekdayAt(createFormat(locale, { timeZone, weekday: 'long' }).format(nextOpenAt), time);
  }
  const date = createFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(nextOpenAt);
  return strings.backOnDateAt(date, time);
}

/** The away notice's sentence: when the team is back, or, without an opening time, where the reply goes. */
export function describeAway(
  nextOpenAt: string | null,
  now: Date,
  locale: string | undefined,
  timeZone?: string,
): string {
  const opening = nextOpenAt === null ? null : new Date(nextOpenAt);
  if (opening === null || Number.isNaN(opening.getTime())) return `${strings.away} ${strings.leaveEmail}`;
  return `${strings.away} ${strings.backWhen(formatBackAt(opening, now, locale, timeZone))}`;
}
