import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './format-time.ts';

const NOW = new Date(2025, 5, 18, 15, 0, 0);

function ago(ms: number): string {
  return new Date(NOW.getTime() - ms).toISOString();
}

describe('formatRelativeTime', () => {
  it('says now under a minute', () => {
    expect(formatRelativeTime(ago(10_000), NOW)).toBe('now');
    expect(formatRelativeTime(ago(-5_000), NOW)).toBe('now');
  });

  it('counts minutes and hours today', () => {
    expect(formatRelativeTime(ago(5 * 60_000), NOW)).toBe('5m');
    expect(formatRelativeTime(ago(3 * 3_600_000), NOW)).toBe('3h');
  });

  it('says Yesterday, then weekday, then date', () => {
    expect(formatRelativeTime(new Date(2025, 5, 17, 9).toISOString(), NOW, 'en-US')).toBe('Yesterday');
    expect(formatRelativeTime(new Date(2025, 5, 14, 9).toISOString(), NOW, 'en-US')).toBe('Sat');
    expect(formatRelativeTime(new Date(2025, 2, 4, 9).toISOString(), NOW, 'en-US')).toBe('Mar 4');
    expect(formatRelativeTime(new Date(2023, 2, 4, 9).toISOString(), NOW, 'en-US')).toBe('Mar 4, 2023');
  });

  it('returns an empty string for junk', () => {
    expect(formatRelativeTime('nope', NOW)).toBe('');
  });
});
