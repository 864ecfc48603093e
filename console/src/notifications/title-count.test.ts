import { expect, test } from 'vitest';
import { addUnseen, formatTitle, markSeen, NO_UNSEEN, totalUnseen } from './title-count.ts';

test('counts per conversation and clears one when it is seen', () => {
  let counts = addUnseen(NO_UNSEEN, 'a');
  counts = addUnseen(counts, 'a');
  counts = addUnseen(counts, 'b');
  expect(totalUnseen(counts)).toBe(3);
  counts = markSeen(counts, 'a');
  expect(totalUnseen(counts)).toBe(1);
  expect(markSeen(counts, null)).toBe(counts);
  expect(markSeen(counts, 'unknown')).toBe(counts);
  expect(totalUnseen(markSeen(counts, 'b'))).toBe(0);
});

test('formats "(3) Parley", never doubles a count, caps at 99+', () => {
  expect(formatTitle('Parley', 3)).toBe('(3) Parley');
  expect(formatTitle('(3) Parley', 4)).toBe('(4) Parley');
  expect(formatTitle('(3) Parley', 0)).toBe('Parley');
  expect(formatTitle('Parley', 120)).toBe('(99+) Parley');
  expect(formatTitle('(99+) Parley', 1)).toBe('(1) Parley');
});
