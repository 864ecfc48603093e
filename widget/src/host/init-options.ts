export interface InitOptions {
  siteKey: string;
  /** A BCP 47 language tag; only English strings exist so far, dates follow it. */
  locale?: string;
  /** Load the chat when the browser is idle instead of when the visitor first opens it. */
  prefetch?: boolean;
}

function parseLocale(locale: unknown): string {
  if (typeof locale !== 'string') throw new Error("Parley: the 'locale' option must be a language tag such as 'en'");
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(locale)[0];
  } catch {
    canonical = undefined;
  }
  if (!canonical) throw new Error(`Parley: '${locale}' is not a valid language tag for the 'locale' option`);
  return canonical;
}

/** Validates Parley('init', options), throwing a readable error for a site owner. */
export function parseInitOptions(value: unknown): InitOptions {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error("Parley: 'init' needs an options object, e.g. Parley('init', { siteKey: 'YOUR_SITE_KEY' })");
  }
  const { siteKey, locale, prefetch } = value as Record<string, unknown>;
  if (typeof siteKey !== 'string' || siteKey.trim() === '' || siteKey.length > 64) {
    throw new Error("Parley: 'init' needs a siteKey string (copy the snippet from your Parley inbox settings)");
  }
  if (prefetch !== undefined && typeof prefetch !== 'boolean') {
    throw new Error("Parley: the 'prefetch' option must be true or false");
  }
  return {
    siteKey: siteKey.trim(),
    ...(locale === undefined ? {} : { locale: parseLocale(locale) }),
    ...(prefetch ? { prefetch } : {}),
  };
}
