import type {
  ConversationDetail,
  ErrorBody,
  WidgetAvailability,
  WidgetConfig,
  WidgetSession,
  WidgetSessionBody,
} from '@parley/api/protocol';

/** What the host page told the widget about the visitor (identify, setAttributes), sent with session calls. */
export type SessionFacts = Pick<WidgetSessionBody, 'identity' | 'attributes'>;

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

export interface ApiClient {
  getConfig(siteKey: string): Promise<WidgetConfig>;
  createSession(siteKey: string, token: string | null, facts: SessionFacts): Promise<WidgetSession>;
  getConversation(token: string, conversationId: string): Promise<ConversationDetail>;
  getAvailability(siteKey: string): Promise<WidgetAvailability>;
  /** Stores the visitor's email for replies by email (204). */
  saveContact(token: string, email: string): Promise<void>;
}

/** The visitor endpoints of the api. Requests are cross-origin and never carry cookies. */
export function createApiClient(apiBase: string, fetchImpl: FetchLike): ApiClient {
  async function request<T>(path: string, init: RequestInit): Promise<T> {
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
  }

  return {
    getConfig: (siteKey) => request(`/v1/widget/inboxes/${encodeURIComponent(siteKey)}/config`, { method: 'GET' }),
    createSession: (siteKey, token, facts) =>
      request('/v1/widget/session', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ siteKey, ...facts }),
      }),
    getConversation: (token, conversationId) =>
      request(`/v1/widget/conversations/${encodeURIComponent(conversationId)}`, {
        method: 'GET',
        headers: { authorization: `Bearer ${token}` },
      }),
    getAvailability: (siteKey) =>
      request(`/v1/widget/inboxes/${encodeURIComponent(siteKey)}/availability`, { method: 'GET' }),
    saveContact: (token, email) =>
      request('/v1/widget/visitor/contact', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ email }),
      }),
  };
}

/** http(s)://host/base → ws(s)://host/base/v1/widget/ws */
export function toWebSocketUrl(apiBase: string, path: string): string {
  return apiBase.replace(/^http/, 'ws') + path;
}
