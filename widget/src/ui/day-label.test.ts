import { describe, expect, it } from 'vitest';
import { describeDay, localDay, localIsoDate } from './day-label.ts';

const now = new Date(2026, 11, 2, 0, 30);

describe('describeDay', () => {
  it('says today and yesterday in words, by the calendar day and not by 24 hours', () => {
    expect(describeDay(new Date(2026, 11, 2, 0, 5), now, 'en')).toBe('Today');
    expect(describeDay(new Date(2026, 11, 1, 23, 55), now, 'en')).toBe('Yesterday');
    expect(describeDay(new Date(2026, 11, 1, 1, 0), now, 'ru')).toBe('Вчера');
    expect(describeDay(new Date(2026, 11, 2, 0, 5), now, 'de')).toBe('Heute');
  });

  it('gives older days as a date in the visitor language, with the year only when it is another', () => {
    expect(describeDay(new Date(2026, 10, 30, 12), now, 'en')).toBe('Monday, November 30');
    expect(describeDay(new Date(2025, 10, 30, 12), now, 'en')).toBe('Sunday, November 30, 2025');
    expect(describeDay(new Date(2026, 10, 30, 12), now, 'fr')).toBe('lundi 30 novembre');
  });

  it('counts days across a month and a year', () => {
    expect(localDay(new Date(2027, 0, 1, 0, 1)) - localDay(new Date(2026, 11, 31, 23, 59))).toBe(1);
  });
});

describe('localIsoDate', () => {
  it('is the local calendar day, also just after midnight and before the next', () => {
    expect(localIsoDate(new Date(2026, 11, 2, 0, 5))).toBe('2026-12-02');
    expect(localIsoDate(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
  });
});
