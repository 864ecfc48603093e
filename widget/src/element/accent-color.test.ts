import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCENT, normalizeAccent, pickTextColor } from './accent-color.ts';

describe('accent colour', () => {
  it('keeps valid hex colours and falls back otherwise', () => {
    expect(normalizeAccent('#10B981')).toBe('#10B981');
    expect(normalizeAccent('red')).toBe(DEFAULT_ACCENT);
    expect(normalizeAccent(undefined)).toBe(DEFAULT_ACCENT);
  });

  it('puts white text on dark accents and dark text on light ones', () => {
    expect(pickTextColor('#2563eb')).toBe('#ffffff');
    expect(pickTextColor('#000000')).toBe('#ffffff');
    expect(pickTextColor('#ffffff')).toBe('#111827');
    expect(pickTextColor('#facc15')).toBe('#111827');
  });
});
