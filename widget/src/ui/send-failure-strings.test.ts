import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../i18n/locales.ts';
import { describeSendFailure, sendFailureStringsFor } from './send-failure-strings.ts';

describe.each(LANGUAGES)('what a refused send says in %s', (language) => {
  const text = sendFailureStringsFor(language);

  it('has its own words, a reason per known code and "not sent" for the rest', () => {
    if (language !== 'en') expect(text).not.toEqual(sendFailureStringsFor('en'));
    const rate = describeSendFailure(text, 'rate/limited', '5,000');
    const long = describeSendFailure(text, 'message/too_long', '⟨5000⟩');
    const other = describeSendFailure(text, 'server/internal', '5,000');
    expect(long).toContain('⟨5000⟩');
    expect(new Set([rate, long, other]).size).toBe(3);
    expect(other).toBe(text.notSent);
    expect(describeSendFailure(text, undefined, '5,000')).toBe(text.notSent);
  });

  it('names each button with its visible word in it (WCAG 2.5.3)', () => {
    expect(text.retryLabel.toLowerCase()).toContain(text.retry.toLowerCase());
    expect(text.discardLabel.toLowerCase()).toContain(text.discard.toLowerCase());
  });
});

it('falls back to English for a language it does not have', () => {
  expect(sendFailureStringsFor('zh-CN')).toBe(sendFailureStringsFor('en'));
  expect(sendFailureStringsFor('pt-BR')).toBe(sendFailureStringsFor('pt'));
});
