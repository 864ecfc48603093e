import type { InboxMembers, MemberList, Queue, RoutingDecisionList } from '@parley/api/protocol';
import { requestJson } from './http.ts';

/** An inbox's waiting conversations in queue order, its length and oldest wait. */
export function getQueue(inboxId: string): Promise<Queue> {
  return requestJson('GET', `/v1/inboxes/${encodeURIComponent(inboxId)}/queue`);
}

/** Why a conversation went where it went (owners and admins; 403 `auth/forbidden` for agents). */
export function getRoutingDecisions(conversationId: string): Promise<RoutingDecisionList> {
  return requestJson('GET', `/v1/conversations/${encodeURIComponent(conversationId)}/routing`);
}

/** The workspace's members with their presence (isOnline, isAway). */
export function listMembers(): Promise<MemberList> {
  return requestJson('GET', '/v1/members');
}

/** The agents who answer an inbox: only they can be given its conversations. */
export function listInboxMembers(inboxId: string): Promise<InboxMembers> {
  return requestJson('GET', `/v1/inboxes/${encodeURIComponent(inboxId)}/members`);
}
