import type { ContactDetail, ContactList, ContactListQuery, ContactUpdateBody } from '@parley/api/protocol';
import { requestJson } from '../api/http.ts';

/** `GET /v1/contacts`; pass a signal to cancel a search a newer one replaced. */
export function fetchContacts(query: ContactListQuery, signal?: AbortSignal): Promise<ContactList> {
  const params = new URLSearchParams();
  if (query.q?.trim()) params.set('q', query.q.trim());
  if (query.cursor) params.set('cursor', query.cursor);
  if (query.limit) params.set('limit', String(query.limit));
  const search = params.toString();
  return requestJson('GET', `/v1/contacts${search ? `?${search}` : ''}`, undefined, { signal });
}

export const fetchContact = (id: string, signal?: AbortSignal): Promise<ContactDetail> =>
  requestJson('GET', `/v1/contacts/${encodeURIComponent(id)}`, undefined, { signal });

export const updateContact = (id: string, body: ContactUpdateBody): Promise<ContactDetail> =>
  requestJson('PATCH', `/v1/contacts/${encodeURIComponent(id)}`, body);

/** Folds `otherId` into `id`; answers with the surviving contact. */
export const mergeContacts = (id: string, otherId: string): Promise<ContactDetail> =>
  requestJson('POST', `/v1/contacts/${encodeURIComponent(id)}/merge`, { otherId });

export const deleteContact = (id: string): Promise<void> =>
  requestJson('DELETE', `/v1/contacts/${encodeURIComponent(id)}`);
