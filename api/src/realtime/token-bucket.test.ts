import { expect, test } from 'vitest';
import { createTokenBucket } from './token-bucket.ts';

test('a burst is allowed, then the average rate, refilled by elapsed time', () => {
  let now = 0;
  const tryTake = createTokenBucket(10, 20, () => now);
  const burst = Array.from({ length: 25 }, () => tryTake()).filter(Boolean).length;
  expect(burst).toBe(20);
  now += 500;
  const afterHalfSecond = Array.from({ length: 10 }, () => tryTake()).filter(Boolean).length;
  expect(afterHalfSecond).toBe(5);
});
