// What the visitor sidebar shows, computed from the api's answer; pure, so it is unit-tested.

/** The address as a link target when it is http(s); anything else (javascript:, data:) is shown as text only. */
export function toSafeHttpUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A page address without its scheme, for a compact list: "shop.example/pricing?plan=team". */
export function formatPageAddress(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
}

/**
 * The wall-clock time in the visitor's zone with its offset from UTC, e.g. "14:05 (GMT+3)"; null when the
 * zone is unknown to this browser.
 */
export function formatLocalTime(now: Date, timeZone: string, locale?: string): string | null {
  try {
    const parts = new Intl.DateTimeFormat(locale, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    }).formatToParts(now);
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? '';
    return `${part('hour')}:${part('minute')} (${part('timeZoneName')})`;
  } catch {
    return null;
  }
}

export interface DeviceLike {
  browser: { name: string; version: string | null } | null;
  os: string | null;
}

/** "Firefox 133 on macOS", "Chrome on Android", "Unknown browser on Windows"; null when nothing is known. */
export function formatDevice({ browser, os }: DeviceLike): string | null {
  if (!browser && !os) return null;
  const browserText = browser ? [browser.name, browser.version].filter(Boolean).join(' ') : 'Unknown browser';
  return os ? `${browserText} on ${os}` : browserText;
}
