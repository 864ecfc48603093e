import type { Language } from './locales.ts';
import { type PluralForms, plural } from './plural.ts';

/**
 * What a catalogue builds its strings with. Handed in rather than imported, so a language's chunk
 * imports nothing and loads in one request.
 */
export interface CatalogueTools {
  /** The form for `count` in the catalogue's language; `#` stands for the count. */
  plural(count: number, forms: PluralForms): string;
  /** The host tab's title while replies wait unseen: "(1) New message — Acme Bikes". */
  titleWithNotice(count: number, notice: string, title: string): string;
}

export function createCatalogueTools(language: Language): CatalogueTools {
  return {
    plural: (count, forms) => plural(language, count, forms),
    titleWithNotice: (count, notice, title) => `(${count}) ${notice}${title ? ` — ${title}` : ''}`,
  };
}
