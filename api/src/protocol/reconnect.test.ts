import { describe, expect, it } from 'vitest';
import { computeBackoffDelay } from './reconnect.ts';

describe('computeBackoffDelay', () => {
  it('starts at half a second and doubles', () => {
    expect(computeBackoffDelay(0, () => 1)).toBe(500);
    expect(computeBackoffDelay(1, () => 1)).toBe(1000);
    expect(computeBackoffDelay(2, () => 1)).toBe(2000);
    expect(computeBackoffDelay(5, () => 1)).toBe(16_000);
  });

  it('never exceeds 30 seconds, however many attempts failed', () => {
    expect(computeBackoffDelay(6, () => 1)).toBe(30_000);
    expect(computeBackoffDelay(1000, () => 1)).toBe(30_000);
  });

  it('jitters within the upper half of the ceiling', () => {
    expect(computeBackoffDelay(0, () => 0)).toBe(250);
    expect(computeBackoffDelay(3, () => 0)).toBe(2000);
    expect(computeBackoffDelay(3, () => 0.5)).toBe(3000);
    for (let i = 0; i < 100; i++) {
      const delay = computeBackoffDelay(4);
      expect(delay).toBeGreaterThanOrEqual(4000);
      expect(delay).toBeLessThanOrEqual(8000);
    }
  });

  it('clamps odd inputs', () => {
    expect(computeBackoffDelay(-3, () => 1)).toBe(500);
    expect(computeBackoffDelay(0, () => 7)).toBe(500);
  });
});
