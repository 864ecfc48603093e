import { createCatalogueTools } from './catalogue-tools.ts';
import { type ChatCatalogue, en } from './catalogues/en.ts';
import type { Language } from './locales.ts';

type Catalogue = typeof en;

// Each language but English is its own small chunk (widget-chat.<language>-<hash>.js), fetched only by
// the visitors who read it.
const CATALOGUES: Record<Exclude<Language, 'en'>, () => Promise<Catalogue>> = {
  ru: () => import('./catalogues/ru.ts').then((module) => module.ru),
  es: () => import('./catalogues/es.ts').then((module) => module.es),
  de: () => import('./catalogues/de.ts').then((module) => module.de),
  fr: () => import('./catalogues/fr.ts').then((module) => module.fr),
  pt: () => import('./catalogues/pt.ts').then((module) => module.pt),
  ar: () => import('./catalogues/ar.ts').then((module) => module.ar),
};

/**
 * Every string the chat shows, in the visitor's language once `loadStrings` has run (English before).
 * One widget per page, so one language: the chat loads it before it renders anything.
 */
export let strings: ChatCatalogue = en(createCatalogueTools('en'));

/** Switches `strings` to `language`; English, with the error logged, if its chunk cannot be loaded. */
export async function loadStrings(language: Language): Promise<void> {
  try {
    const catalogue = language === 'en' ? en : await CATALOGUES[language]();
    strings = catalogue(createCatalogueTools(language));
  } catch (error) {
    console.error(`Parley: could not load the '${language}' strings; showing English`, error);
  }
}
