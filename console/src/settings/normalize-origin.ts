export type OriginResult = { ok: true; origin: string } | { ok: false; error: string };

const ORIGIN_PATTERN = /^https?:\/\/[^/\s]+$/;

/**
 * Turns what a site owner types into an origin the api accepts (`^https?://host[:port]$`):
 * adds https:// when no scheme is given and drops any path, query or trailing slash.
 */
export function normalizeOrigin(input: string): OriginResult {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, error: 'Enter a website address.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: 'Enter an address like https://www.example.com.' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: 'Only http:// and https:// sites can embed the widget.' };
  }
  if (!url.hostname) return { ok: false, error: 'Enter an address like https://www.example.com.' };
  const origin = url.origin;
  if (!ORIGIN_PATTERN.test(origin)) return { ok: false, error: 'Enter an address like https://www.example.com.' };
  return { ok: true, origin };
}
