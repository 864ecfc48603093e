import type {
  AgentConversationDetail,
  AgentConversationList,
  Inbox,
  InboxList,
  InboxUpdateBody,
  LoginBody,
  Me,
  SignupBody,
} from '@parley/api/protocol';
import { rememberConversationLabels } from '../inbox/label-store.ts';
import type { ConversationFilter } from '../realtime/conversation-cache.ts';
import { requestJson } from './http.ts';

export interface Instance {
  hasAccounts: boolean;
  exampleSiteUrl: string | null;
}

export function getInstance(): Promise<Instance> {
  return requestJson('GET', '/v1/instance');
}

export function getMe(): Promise<Me> {
  return requestJson('GET', '/v1/me');
}

export function signUp(body: SignupBody): Promise<Me> {
  return requestJson('POST', '/v1/auth/signup', body);
}

export function logIn(body: LoginBody): Promise<Me> {
  return requestJson('POST', '/v1/auth/login', body);
}

export function logOut(): Promise<void> {
  return requestJson('POST', '/v1/auth/logout');
}

export function listInboxes(): Promise<InboxList> {
  return requestJson('GET', '/v1/inboxes');
}

export function updateInbox(id: string, body: InboxUpdateBody): Promise<Inbox> {
  return requestJson('PATCH', `/v1/inboxes/${encodeURIComponent(id)}`, body);
}

/** Also remembers each conversation's labels (the cache keeps summaries, labels live beside it). */
export async function listConversations(status: ConversationFilter): Promise<AgentConversationList> {
  const list = await requestJson<AgentConversationList>('GET', `/v1/conversations?status=${status}`);
  rememberConversationLabels(list.conversations);
  return list;
}

export async function getConversation(
  id: string,
  query: { beforeSeq?: number; limit?: number } = {},
): Promise<AgentConversationDetail> {
  const params = new URLSearchParams();
  if (query.beforeSeq !== undefined) params.set('beforeSeq', String(query.beforeSeq));
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  const search = params.size > 0 ? `?${params}` : '';
  const detail = await requestJson<AgentConversationDetail>(
    'GET',
    `/v1/conversations/${encodeURIComponent(id)}${search}`,
  );
  rememberConversationLabels([detail.conversation]);
  return detail;
}
