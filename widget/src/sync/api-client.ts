import type { ConversationDetail, WidgetAvailability, WidgetSession, WidgetSessionBody } from '@parley/api/protocol';
import { createApiRequest, type FetchLike } from './api-request.ts';
import { describePage } from './page-facts.ts';

/** What the host page told the widget about the visitor (identify, setAttributes), sent with session calls. */
export type SessionFacts = Pick<WidgetSessionBody, 'identity' | 'attributes'>;

export interface ApiClient {
  createSession(siteKey: string, token: string | null, facts: SessionFacts): Promise<WidgetSession>;
  getConversation(token: string, conversationId: string): Promise<ConversationDetail>;
  getAvailability(siteKey: string): Promise<WidgetAvailability>;
  /** Stores the visitor's email for replies by email (204). */
  saveContact(token: string, email: string): Promise<void>;
}

/** The visitor endpoints of the chat (widget.js loads the inbox settings itself, in load-config.ts). */
export function createApiClient(apiBase: string, fetchImpl: FetchLike): ApiClient {
  const request = createApiRequest(apiBase, fetchImpl);
  return {
    createSession: (siteKey, token, facts) =>
      request('/v1/widget/session', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ siteKey, ...facts, ...describePage() }),
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
