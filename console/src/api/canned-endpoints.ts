import type {
  CannedResponse,
  CannedResponseCreateBody,
  CannedResponseList,
  CannedResponseUpdateBody,
} from '@parley/api/protocol';
import { requestJson } from './http.ts';

// Canned responses: the shared ones and the agent's own. Agents may write only personal ones (403 otherwise).

const cannedPath = (id: string) => `/v1/canned-responses/${encodeURIComponent(id)}`;

export function listCannedResponses(
  query: { q?: string; limit?: number } = {},
  options: { signal?: AbortSignal } = {},
): Promise<CannedResponseList> {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  const search = params.size > 0 ? `?${params}` : '';
  return requestJson('GET', `/v1/canned-responses${search}`, undefined, options);
}

export function createCannedResponse(body: CannedResponseCreateBody): Promise<CannedResponse> {
  return requestJson('POST', '/v1/canned-responses', body);
}

export function updateCannedResponse(id: string, body: CannedResponseUpdateBody): Promise<CannedResponse> {
  return requestJson('PATCH', cannedPath(id), body);
}

export function deleteCannedResponse(id: string): Promise<void> {
  return requestJson('DELETE', cannedPath(id));
}
