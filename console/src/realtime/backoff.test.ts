import { describe, expect, it } from 'vitest';
import { computeBackoffDelay } from './backoff.ts';

describe('computeBackoffDelay', () => {
  it('doubles from 0.5 s', () => {
    expect(computeBackoffDelay(0, () => 1)).toBe(500);
    expect(computeBackoffDelay(1, () => 1)).toBe(1000);
    expect(computeBackoffDelay(2, () => 1)).toBe(2000);
  });

  it('never exceeds 30 s', () => {
    expect(computeBackoffDelay(20, () => 1)).toBe(30_000);
    expect(computeBackoffDelay(1000, () => 1)).toBe(30_000);
  });

  it('jitters between half and all of the ceiling', () => {
    expect(computeBackoffDelay(3, () => 0)).toBe(2000);
    expect(computeBackoffDelay(3, () => 0.5)).toBe(3000);
    for (let i = 0; i < 100; i++) {
      const delay = computeBackoffDelay(4);
      expect(delay).toBeGreaterThanOrEqual(4000);
      expect(delay).toBeLessThanOrEqual(8000);
    }
  });
});
