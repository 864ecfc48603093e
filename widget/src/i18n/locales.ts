/** The languages the widget speaks; a locale of another language falls back to the browser's, then English. */
export const LANGUAGES = ['en', 'ru', 'es', 'de', 'fr', 'pt', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The catalogue to use (`language`) and the tag for `lang` and Intl dates (`tag`: 'pt-BR' keeps Brazil's dates). */
export interface ChosenLocale {
  language: Language;
  tag: string;
}

/** 'pt-BR' → 'pt', 'de-AT' → 'de', 'zh-CN' → undefined. */
export function languageOf(tag: string): Language | undefined {
  const primary = tag.split(/[-_]/)[0]?.toLowerCase();
  return LANGUAGES.find((language) => language === primary);
}

/** The host page's `init` locale when we speak it, else the browser's first language we speak, else English. */
export function chooseLocale(requested: string | undefined, browserLanguages: readonly string[]): ChosenLocale {
  for (const tag of [requested, ...browserLanguages]) {
    const language = tag ? languageOf(tag) : undefined;
    if (tag && language) return { language, tag };
  }
  return { language: 'en', tag: 'en' };
}

export function textDirection(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}
