import { describe, expect, it } from 'vitest';
import { formatVisitorName, getInitials, pickHue, shortId } from './display-names.ts';

describe('display names', () => {
  it('uses the random tail of an id', () => {
    expect(shortId('0190a000-0000-7000-8000-00000012abcd')).toBe('12abcd');
  });

  it('names anonymous visitors by short id', () => {
    expect(formatVisitorName({ id: '0190a000-0000-7000-8000-00000012abcd', name: null, email: null })).toBe(
      'Visitor 12abcd',
    );
    expect(formatVisitorName({ id: 'x', name: '  ', email: null })).toBe('Visitor x');
    expect(formatVisitorName({ id: 'x', name: 'Jane Doe', email: null })).toBe('Jane Doe');
  });

  it('makes initials', () => {
    expect(getInitials('Jane Doe')).toBe('JD');
    expect(getInitials('ann')).toBe('A');
    expect(getInitials('Mary Ann Smith')).toBe('MS');
    expect(getInitials('')).toBe('');
  });

  it('picks a stable hue', () => {
    expect(pickHue('abc')).toBe(pickHue('abc'));
    expect(pickHue('abc')).toBeGreaterThanOrEqual(0);
    expect(pickHue('abc')).toBeLessThan(360);
  });
});
