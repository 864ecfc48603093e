import type { ErrorBody } from '@parley/api/protocol';

/** A refused request, carrying the api's `{ code, message }` (or a network failure as 'network/failed'). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** The request was cancelled with its AbortSignal (a newer one replaced it): not a failure to show. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Same-origin JSON request; the session cookie rides along. Resolves to undefined for 204. With a
 * `signal`, an aborted request rejects with the browser's own `AbortError` (see `isAbortError`).
 */
export async function requestJson<T>(
  method: HttpMethod,
  path: string,
  body?: unknown,
  options: { signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      signal: options.signal,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'network/failed', 'Could not reach the server. Check your connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  // Cancelled while the body was read: the answer is incomplete and nobody wants it.
  if (options.signal?.aborted) throw new DOMException('The request was cancelled.', 'AbortError');
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as T;
}

function toApiError(status: number, payload: unknown): ApiError {
  if (isErrorBody(payload)) return new ApiError(status, payload.code, payload.message);
  const message = status >= 500 ? 'The server had a problem. Try again in a moment.' : `Request failed (${status}).`;
  return new ApiError(status, status >= 500 ? 'server/internal' : 'request/failed', message);
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).code === 'string' &&
    typeof (value as ErrorBody).message === 'string'
  );
}
