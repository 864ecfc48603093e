import { LANGUAGES, languageOf } from '../i18n/locales.ts';

export interface InitOptions {
  siteKey: string;
  /**
   * A BCP 47 language tag ('ar', 'pt-BR'): the widget's language (en, ru, es, de, fr, pt, ar) and its
   * dates. Without it, or for another language (with a warning), the browser's languages, then English.
   */
  locale?: string;
  /** Load the chat when the browser is idle instead of when the visitor first opens it. */
  prefetch?: boolean;
  /** false: no "(1) New message" title notice on the host tab. */
  titleNotice?: boolean;
  /** false: no chime for new messages (and no mute toggle). */
  sound?: boolean;
  /** 'light' or 'dark' whatever the visitor's system uses; without it ('auto') the system's scheme. */
  colorScheme?: ForcedColorScheme;
}

export type ForcedColorScheme = 'light' | 'dark';

const FLAGS = ['prefetch', 'titleNotice', 'sound'] as const;

function parseLocale(locale: unknown): string {
  if (typeof locale !== 'string') throw new Error("Parley: the 'locale' option must be a language tag such as 'en'");
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(locale)[0];
  } catch {
    canonical = undefined;
  }
  if (!canonical) throw new Error(`Parley: '${locale}' is not a valid language tag for the 'locale' option`);
  if (!languageOf(canonical)) {
    console.warn(
      `Parley: no '${canonical}' translation; the widget follows the browser's languages, else English. Locales: ${LANGUAGES.join(', ')}`,
    );
  }
  return canonical;
}

/** Validates Parley('init', options), throwing a readable error for a site owner. */
export function parseInitOptions(value: unknown): InitOptions {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error("Parley: 'init' needs an options object, e.g. Parley('init', { siteKey: 'YOUR_SITE_KEY' })");
  }
  const { siteKey, locale, prefetch, titleNotice, sound, colorScheme } = value as Record<string, unknown>;
  if (typeof siteKey !== 'string' || siteKey.trim() === '' || siteKey.length > 64) {
    throw new Error("Parley: 'init' needs a siteKey string (copy the snippet from your Parley inbox settings)");
  }
  for (const flag of FLAGS) {
    const flagValue = (value as Record<string, unknown>)[flag];
    if (flagValue !== undefined && typeof flagValue !== 'boolean') {
      throw new Error(`Parley: the '${flag}' option must be true or false`);
    }
  }
  if (colorScheme !== undefined && colorScheme !== 'light' && colorScheme !== 'dark' && colorScheme !== 'auto') {
    throw new Error("Parley: the 'colorScheme' option must be 'light', 'dark' or 'auto'");
  }
  return {
    siteKey: siteKey.trim(),
    ...(locale === undefined ? {} : { locale: parseLocale(locale) }),
    ...(prefetch === true ? { prefetch } : {}),
    ...(titleNotice === false ? { titleNotice } : {}),
    ...(sound === false ? { sound } : {}),
    ...(colorScheme === 'light' || colorScheme === 'dark' ? { colorScheme } : {}),
  };
}
