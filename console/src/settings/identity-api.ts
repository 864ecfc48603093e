import type { InboxIdentity } from '@parley/api/protocol';
import { requestJson } from '../api/http.ts';

const path = (inboxId: string) => `/v1/inboxes/${encodeURIComponent(inboxId)}/identity`;

export function getIdentity(inboxId: string): Promise<InboxIdentity> {
  return requestJson('GET', path(inboxId));
}

export function setRequireIdentity(inboxId: string, requireIdentity: boolean): Promise<InboxIdentity> {
  return requestJson('PATCH', path(inboxId), { requireIdentity });
}

export function rotateIdentitySecret(inboxId: string): Promise<InboxIdentity> {
  return requestJson('POST', `${path(inboxId)}/rotate`);
}
