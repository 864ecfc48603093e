import { describe, expect, it } from 'vitest';
import { launcherStringsFor } from './launcher-strings.ts';
import { plural } from './plural.ts';

const RU_MINUTES = { one: '# минута', few: '# минуты', many: '# минут', other: '# минуты' };

describe('plural', () => {
  it('uses every Russian form', () => {
    const forms = [1, 2, 4, 5, 11, 12, 21, 22, 25, 101, 111].map((n) => plural('ru', n, RU_MINUTES));
    expect(forms).toEqual([
      '1 минута',
      '2 минуты',
      '4 минуты',
      '5 минут',
      '11 минут',
      '12 минут',
      '21 минута',
      '22 минуты',
      '25 минут',
      '101 минута',
      '111 минут',
    ]);
  });

  it('uses the six Arabic forms', () => {
    const unread = launcherStringsFor('ar').unread;
    expect(unread(0)).toBe('لا رسائل غير مقروءة');
    expect(unread(1)).toBe('رسالة واحدة غير مقروءة');
    expect(unread(2)).toBe('رسالتان غير مقروءتين');
    expect(unread(3)).toBe('3 رسائل غير مقروءة');
    expect(unread(10)).toBe('10 رسائل غير مقروءة');
    expect(unread(11)).toBe('11 رسالة غير مقروءة');
    expect(unread(100)).toBe('100 رسالة غير مقروءة');
  });

  it('falls back to other for a form a language lists but the catalogue need not spell out', () => {
    // French "many" is for millions ("1 000 000 de messages"); "other" stands in.
    expect(plural('fr', 1_000_000, { one: '# message', other: '# messages' })).toBe('1000000 messages');
    expect(plural('fr', 0, { one: '# message', other: '# messages' })).toBe('0 message');
  });

  it('gives the launcher its unread count in English and Russian', () => {
    expect(launcherStringsFor('en').unread(1)).toBe('1 unread message');
    expect(launcherStringsFor('en').unread(7)).toBe('7 unread messages');
    expect(launcherStringsFor('ru').unread(3)).toBe('3 непрочитанных сообщения');
    expect(launcherStringsFor('ru').unread(5)).toBe('5 непрочитанных сообщений');
  });
});
