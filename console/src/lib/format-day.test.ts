import { describe, expect, it } from 'vitest';
import { formatDayLabel, toDayKey } from './format-day.ts';

const NOW = new Date(2025, 5, 18, 10, 0);

describe('formatDayLabel', () => {
  it('names recent days', () => {
    expect(formatDayLabel(new Date(2025, 5, 18, 0, 5).toISOString(), NOW)).toBe('Today');
    expect(formatDayLabel(new Date(2025, 5, 17, 23, 59).toISOString(), NOW)).toBe('Yesterday');
  });

  it('spells out older days', () => {
    expect(formatDayLabel(new Date(2025, 5, 16, 9).toISOString(), NOW, 'en-US')).toBe('Monday, June 16');
    expect(formatDayLabel(new Date(2023, 5, 16, 9).toISOString(), NOW, 'en-US')).toBe('June 16, 2023');
  });
});

describe('toDayKey', () => {
  it('groups instants by local day', () => {
    expect(toDayKey(new Date(2025, 5, 18, 0, 1).toISOString())).toBe(
      toDayKey(new Date(2025, 5, 18, 23, 59).toISOString()),
    );
    expect(toDayKey(new Date(2025, 5, 18).toISOString())).not.toBe(toDayKey(new Date(2025, 5, 19).toISOString()));
  });
});
