import { describe, expect, test } from 'vitest';
import { describeBulkResults } from './bulk-results.ts';

const ok = (id: string) => ({ id, ok: true as const });
const failed = (id: string, code: string) => ({ id, ok: false as const, code, message: code });

describe('describeBulkResults', () => {
  test('nothing to say when every conversation changed', () => {
    expect(describeBulkResults([ok('a'), ok('b')], 'assigned')).toBeNull();
  });

  test('counts what changed and groups why the rest did not', () => {
    expect(describeBulkResults([ok('a'), ok('b'), failed('c', 'conversation/resolved')], 'assigned')).toBe(
      '2 of 3 assigned; 1 was resolved',
    );
    expect(
      describeBulkResults(
        [failed('a', 'conversation/resolved'), failed('b', 'conversation/resolved'), failed('c', 'x/unknown')],
        'labelled',
      ),
    ).toBe('0 of 3 labelled; 2 were resolved, 1 could not be changed');
  });
});
