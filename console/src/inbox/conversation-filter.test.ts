import { describe, expect, it } from 'vitest';
import { parseFilter, toFilterSearch } from './conversation-filter.ts';

describe('conversation filter', () => {
  it('parses with open as the default', () => {
    expect(parseFilter(null)).toBe('open');
    expect(parseFilter('resolved')).toBe('resolved');
    expect(parseFilter('all')).toBe('all');
    expect(parseFilter('junk')).toBe('open');
  });

  it('round-trips through the search string', () => {
    for (const filter of ['open', 'resolved', 'all'] as const) {
      expect(parseFilter(new URLSearchParams(toFilterSearch(filter)).get('status'))).toBe(filter);
    }
  });
});
