import { describe, expect, it } from 'vitest';
import { formatWaitDuration, formatWaitShort } from './format-wait.ts';

const now = new Date('2025-01-01T12:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const MINUTE = 60_000;

describe('formatWaitDuration', () => {
  it('reads like a person would say it', () => {
    expect(formatWaitDuration(ago(5_000), now)).toBe('under 1 min');
    expect(formatWaitDuration(ago(3 * MINUTE + 20_000), now)).toBe('3 min');
    expect(formatWaitDuration(ago(60 * MINUTE), now)).toBe('1 h');
    expect(formatWaitDuration(ago(65 * MINUTE), now)).toBe('1 h 5 min');
    expect(formatWaitDuration(ago(24 * 60 * MINUTE), now)).toBe('1 day');
    expect(formatWaitDuration(ago(3 * 24 * 60 * MINUTE + 5), now)).toBe('3 days');
  });

  it('treats a start in the future as just now and ignores garbage', () => {
    expect(formatWaitDuration(ago(-30_000), now)).toBe('under 1 min');
    expect(formatWaitDuration('not a date', now)).toBe('');
  });
});

describe('formatWaitShort', () => {
  it('is compact', () => {
    expect(formatWaitShort(ago(10_000), now)).toBe('<1m');
    expect(formatWaitShort(ago(12 * MINUTE), now)).toBe('12m');
    expect(formatWaitShort(ago(130 * MINUTE), now)).toBe('2h');
    expect(formatWaitShort(ago(49 * 60 * MINUTE), now)).toBe('2d');
  });
});
