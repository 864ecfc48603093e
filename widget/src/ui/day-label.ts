const DAY_MS = 86_400_000;

/** The visitor's calendar day of a moment, as a number that steps by one a day (their clock, their time zone). */
export function localDay(date: Date): number {
  return Math.round((Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) - Date.UTC(1970, 0, 1)) / DAY_MS);
}

/** The visitor's calendar day as YYYY-MM-DD, for <time dateTime>: the day the separator names, not UTC's. */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function capitalize(text: string, locale: string | undefined): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** "Today", "Yesterday" or a date ("Monday, 30 November"; with the year when it is not this one), in the visitor's language. */
export function describeDay(date: Date, now: Date, locale: string | undefined): string {
  const daysAgo = localDay(now) - localDay(date);
  if (daysAgo === 0 || daysAgo === 1) {
    return capitalize(new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-daysAgo, 'day'), locale);
  }
  const sameYear = date.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: sameYear ? undefined : 'numeric',
  }).format(date);
}
