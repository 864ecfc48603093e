import type { Inbox, InboxCreateBody } from '@parley/api/protocol';
import { requestJson } from '../api/http.ts';

export function createInbox(body: InboxCreateBody): Promise<Inbox> {
  return requestJson('POST', '/v1/inboxes', body);
}

export function getInbox(id: string): Promise<Inbox> {
  return requestJson('GET', `/v1/inboxes/${encodeURIComponent(id)}`);
}
