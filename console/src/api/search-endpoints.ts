import type { SearchQuery, SearchResult } from '@parley/api/protocol';
import { requestJson } from './http.ts';

/**
 * Full-text search over every message of the workspace (`GET /v1/search`). Pass a signal to cancel a
 * search a newer one replaced: it then rejects with an `AbortError` (`isAbortError`), never an ApiError.
 * A query the api refuses (empty, over 200 characters, a bad filter) is an ApiError with status 400.
 */
export function searchMessages(query: SearchQuery, signal?: AbortSignal): Promise<SearchResult> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return requestJson('GET', `/v1/search?${params}`, undefined, { signal });
}
