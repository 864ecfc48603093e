import type { ConversationStatus, SearchQuery } from '@parley/api/protocol';

// What the search page asks for lives in the URL (`/search?q=…&status=…`), so back, forward, reload
// and shared links all show the same search. These functions turn one into the other and into the
// api's query. Pure: no DOM, no clock (dates are read in the browser's own time zone).

/** The search as the page holds it; null = no filter. */
export interface SearchFilters {
  readonly q: string;
  readonly inboxId: string | null;
  readonly assigneeId: string | null;
  readonly status: ConversationStatus | null;
  /** First local day to include, `YYYY-MM-DD`. */
  readonly from: string | null;
  /** Last local day to include, `YYYY-MM-DD`. */
  readonly to: string | null;
}

export const EMPTY_FILTERS: SearchFilters = {
  q: '',
  inboxId: null,
  assigneeId: null,
  status: null,
  from: null,
  to: null,
};

/** The api refuses longer queries (400); the search box stops there. */
export const QUERY_MAX_LENGTH = 200;
export const SEARCH_PAGE_SIZE = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The search in a URL's query string; unknown or malformed filters are left out, the words kept as typed. */
export function parseSearchFilters(params: URLSearchParams): SearchFilters {
  const status = params.get('status');
  return {
    q: params.get('q') ?? '',
    inboxId: pickUuid(params.get('inboxId')),
    assigneeId: pickUuid(params.get('assigneeId')),
    status: status === 'open' || status === 'resolved' ? status : null,
    from: pickDay(params.get('from')),
    to: pickDay(params.get('to')),
  };
}

/** The query string for a search: the words trimmed, empty filters left out, always in the same order. */
export function toSearchParams(filters: SearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  const q = filters.q.trim();
  if (q) params.set('q', q);
  if (filters.inboxId) params.set('inboxId', filters.inboxId);
  if (filters.assigneeId) params.set('assigneeId', filters.assigneeId);
  if (filters.status) params.set('status', filters.status);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  return params;
}

/** `/search?q=…` (or `/search`) for a search. */
export function toSearchPath(filters: SearchFilters): string {
  const search = toSearchParams(filters).toString();
  return search ? `/search?${search}` : '/search';
}

/** Identifies a search: two searches with the same key get the same answer. */
export function toSearchKey(filters: SearchFilters): string {
  return toSearchParams(filters).toString();
}

/** Whether there is something to look for (a search with filters but no words is not run). */
export function isSearchable(filters: SearchFilters): boolean {
  return filters.q.trim() !== '';
}

export function hasActiveFilters(filters: SearchFilters): boolean {
  return Boolean(filters.inboxId || filters.assigneeId || filters.status || filters.from || filters.to);
}

export function clearFilters(filters: SearchFilters): SearchFilters {
  return { ...EMPTY_FILTERS, q: filters.q };
}

/** A problem the page can tell about without asking the api; null when the search can run. */
export function findFiltersProblem(filters: SearchFilters): string | null {
  if (filters.from && filters.to && filters.from > filters.to) {
    return 'The “From” day is after the “To” day. Change one of them to search.';
  }
  return null;
}

/**
 * The api's query for one page: `from` is the start of that local day, `to` the start of the day
 * after (the api's `to` is exclusive, the page's "To" day is included).
 */
export function toSearchQuery(filters: SearchFilters, page: { offset: number; limit?: number }): SearchQuery {
  const query: SearchQuery = { q: filters.q.trim(), limit: page.limit ?? SEARCH_PAGE_SIZE };
  if (page.offset > 0) query.offset = page.offset;
  if (filters.inboxId) query.inboxId = filters.inboxId;
  if (filters.assigneeId) query.assigneeId = filters.assigneeId;
  if (filters.status) query.status = filters.status;
  if (filters.from) query.from = startOfLocalDay(filters.from, 0);
  if (filters.to) query.to = startOfLocalDay(filters.to, 1);
  return query;
}

function startOfLocalDay(day: string, addDays: number): string {
  const [, year, month, date] = DAY.exec(day) ?? [];
  return new Date(Number(year), Number(month) - 1, Number(date) + addDays).toISOString();
}

function pickUuid(value: string | null): string | null {
  return value && UUID.test(value) ? value.toLowerCase() : null;
}

/** A real calendar day (`2025-02-30` is not one). */
function pickDay(value: string | null): string | null {
  const match = value ? DAY.exec(value) : null;
  if (!match) return null;
  const [, year, month, date] = match.map(Number);
  const parsed = new Date(year!, month! - 1, date!);
  const isReal = parsed.getFullYear() === year && parsed.getMonth() === month! - 1 && parsed.getDate() === date;
  return isReal ? value : null;
}
