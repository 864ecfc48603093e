import { expect, test } from 'vitest';
import { LIMITS } from '../protocol/constants.ts';
import { previewOf } from './message-preview.ts';

const MAX = LIMITS.previewMaxChars;

test('a body up to the limit is the preview, untouched', () => {
  expect(previewOf('')).toBe('');
  expect(previewOf('x'.repeat(MAX))).toBe('x'.repeat(MAX));
  // 280 emoji are 560 UTF-16 units but 280 characters.
  expect(previewOf('😀'.repeat(MAX))).toBe('😀'.repeat(MAX));
});

test('a longer body is cut to the limit, ending in an ellipsis', () => {
  expect(previewOf('x'.repeat(MAX + 1))).toBe(`${'x'.repeat(MAX - 1)}…`);
  expect(Array.from(previewOf('😀'.repeat(MAX + 1)))).toEqual([...Array(MAX - 1).fill('😀'), '…']);
});

test('the cut drops trailing spaces before the ellipsis', () => {
  expect(previewOf(`${'x'.repeat(MAX - 3)}  ${'y'.repeat(50)}`)).toBe(`${'x'.repeat(MAX - 3)}…`);
});
