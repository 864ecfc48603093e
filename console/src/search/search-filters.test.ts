import { describe, expect, it } from 'vitest';
import {
  clearFilters,
  EMPTY_FILTERS,
  findFiltersProblem,
  hasActiveFilters,
  isSearchable,
  parseSearchFilters,
  type SearchFilters,
  toSearchKey,
  toSearchParams,
  toSearchPath,
  toSearchQuery,
} from './search-filters.ts';

const INBOX = '0190a000-0000-7000-8000-0000000000cc';
const AGENT = '0190a000-0000-7000-8000-0000000000bb';

function parse(search: string): SearchFilters {
  return parseSearchFilters(new URLSearchParams(search));
}

describe('parseSearchFilters', () => {
  it('reads the words and every filter from the query string', () => {
    expect(
      parse(`q=refund+order&inboxId=${INBOX}&assigneeId=${AGENT}&status=resolved&from=2025-03-01&to=2025-03-31`),
    ).toEqual({
      q: 'refund order',
      inboxId: INBOX,
      assigneeId: AGENT,
      status: 'resolved',
      from: '2025-03-01',
      to: '2025-03-31',
    });
    expect(parse('')).toEqual(EMPTY_FILTERS);
  });

  it('leaves out filters that are not what the api takes, instead of failing the search', () => {
    expect(parse('q=x&inboxId=42&assigneeId=me&status=pending&from=yesterday&to=2025-02-30')).toEqual({
      ...EMPTY_FILTERS,
      q: 'x',
    });
    expect(parse('q=x&from=2024-02-29').from).toBe('2024-02-29');
    expect(parse('q=x&from=2025-13-01').from).toBeNull();
  });

  it('keeps the words as typed, syntax included (the api reads it)', () => {
    expect(parse(`q=${encodeURIComponent('"late parcel" or refund -spam')}`).q).toBe('"late parcel" or refund -spam');
  });
});

describe('toSearchParams', () => {
  it('round-trips through the URL, in a stable order, without empty filters', () => {
    const filters: SearchFilters = { ...EMPTY_FILTERS, q: '  chain  ', status: 'open', to: '2025-01-31' };
    expect(toSearchParams(filters).toString()).toBe('q=chain&status=open&to=2025-01-31');
    expect(parse(toSearchParams(filters).toString())).toEqual({ ...filters, q: 'chain' });
    expect(toSearchPath(filters)).toBe('/search?q=chain&status=open&to=2025-01-31');
    expect(toSearchPath(EMPTY_FILTERS)).toBe('/search');
  });

  it('gives the same key to searches that only differ in surrounding spaces', () => {
    expect(toSearchKey({ ...EMPTY_FILTERS, q: 'chain ' })).toBe(toSearchKey({ ...EMPTY_FILTERS, q: 'chain' }));
    expect(toSearchKey({ ...EMPTY_FILTERS, q: 'chain' })).not.toBe(
      toSearchKey({ ...EMPTY_FILTERS, q: 'chain', status: 'open' }),
    );
  });
});

describe('toSearchQuery', () => {
  it('asks for one page with the filters the api knows', () => {
    expect(toSearchQuery({ ...EMPTY_FILTERS, q: ' chain ', inboxId: INBOX }, { offset: 0 })).toEqual({
      q: 'chain',
      inboxId: INBOX,
      limit: 20,
    });
    expect(
      toSearchQuery({ ...EMPTY_FILTERS, q: 'x', assigneeId: AGENT, status: 'open' }, { offset: 40, limit: 10 }),
    ).toEqual({ q: 'x', assigneeId: AGENT, status: 'open', limit: 10, offset: 40 });
  });

  it('covers whole local days: from the start of "from" to the start of the day after "to"', () => {
    const query = toSearchQuery({ ...EMPTY_FILTERS, q: 'x', from: '2025-03-01', to: '2025-03-31' }, { offset: 0 });
    expect(query.from).toBe(new Date(2025, 2, 1).toISOString());
    expect(query.to).toBe(new Date(2025, 3, 1).toISOString());
    const oneDay = toSearchQuery({ ...EMPTY_FILTERS, q: 'x', from: '2024-12-31', to: '2024-12-31' }, { offset: 0 });
    expect(Date.parse(oneDay.to!) - Date.parse(oneDay.from!)).toBeGreaterThanOrEqual(23 * 3600_000);
    expect(oneDay.to).toBe(new Date(2025, 0, 1).toISOString());
  });
});

describe('the state of a search', () => {
  it('runs only with words; filters alone do not search', () => {
    expect(isSearchable({ ...EMPTY_FILTERS, q: 'a' })).toBe(true);
    expect(isSearchable({ ...EMPTY_FILTERS, q: '   ', status: 'open' })).toBe(false);
  });

  it('knows when filters narrow it and clears them, keeping the words', () => {
    const filters: SearchFilters = { ...EMPTY_FILTERS, q: 'chain', status: 'resolved', from: '2025-01-01' };
    expect(hasActiveFilters(filters)).toBe(true);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, q: 'chain' })).toBe(false);
    expect(clearFilters(filters)).toEqual({ ...EMPTY_FILTERS, q: 'chain' });
  });

  it('refuses a date range that ends before it starts', () => {
    expect(findFiltersProblem({ ...EMPTY_FILTERS, q: 'x', from: '2025-02-01', to: '2025-01-31' })).toMatch(/after/);
    expect(findFiltersProblem({ ...EMPTY_FILTERS, q: 'x', from: '2025-02-01', to: '2025-02-01' })).toBeNull();
    expect(findFiltersProblem({ ...EMPTY_FILTERS, q: 'x', from: '2025-02-01' })).toBeNull();
  });
});
