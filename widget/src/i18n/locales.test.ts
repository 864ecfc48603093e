import { describe, expect, it } from 'vitest';
import { chooseLocale, languageOf, textDirection } from './locales.ts';

describe('chooseLocale', () => {
  it('takes the init locale when the widget speaks its language, keeping the region for dates', () => {
    expect(chooseLocale('ru', ['de-DE'])).toEqual({ language: 'ru', tag: 'ru' });
    expect(chooseLocale('pt-BR', [])).toEqual({ language: 'pt', tag: 'pt-BR' });
    expect(chooseLocale('ar-EG', ['en-US'])).toEqual({ language: 'ar', tag: 'ar-EG' });
  });

  it('falls back to the browser’s first language it speaks, then English', () => {
    expect(chooseLocale(undefined, ['de-AT', 'en'])).toEqual({ language: 'de', tag: 'de-AT' });
    expect(chooseLocale(undefined, ['zh-CN', 'ja', 'fr-CA', 'es'])).toEqual({ language: 'fr', tag: 'fr-CA' });
    expect(chooseLocale('zh-CN', ['es-MX'])).toEqual({ language: 'es', tag: 'es-MX' });
    expect(chooseLocale('zh-CN', ['ja'])).toEqual({ language: 'en', tag: 'en' });
    expect(chooseLocale(undefined, [])).toEqual({ language: 'en', tag: 'en' });
  });

  it('matches the language subtag only, in any case', () => {
    expect(languageOf('PT-br')).toBe('pt');
    expect(languageOf('de_CH')).toBe('de');
    expect(languageOf('english')).toBeUndefined();
    expect(languageOf('')).toBeUndefined();
  });

  it('writes Arabic right to left, the others left to right', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('ru')).toBe('ltr');
  });
});
