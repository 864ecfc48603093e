import type { ErrorBody } from '@parley/api/protocol';

/** A failed api call. status 0 means the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** Whether trying again later may help (network trouble, rate limits, server errors). */
  get isRetryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** One call of the api: the JSON answer, or an ApiError with the api's error code. */
export type ApiRequest = <T>(path: string, init: RequestInit) => Promise<T>;

/** Requests to the api's visitor endpoints: cross-origin, never with cookies. */
export function createApiRequest(apiBase: string, fetchImpl: FetchLike): ApiRequest {
  return async <T>(path: string, init: RequestInit): Promise<T> => {
    let response: Response;
    try {
      response = await fetchImpl(`${apiBase}${path}`, { mode: 'cors', credentials: 'omit', ...init });
    } catch {
      throw new ApiError(0, 'network/unreachable', 'Could not reach the chat server');
    }
    if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
    let body: Partial<ErrorBody> = {};
    try {
      body = (await response.json()) as Partial<ErrorBody>;
    } catch {
      // Not JSON: keep the status alone.
    }
    throw new ApiError(response.status, body.code ?? 'server/internal', body.message ?? response.statusText);
  };
}
