import type {
  Inbox,
  InboxMembers,
  InboxUpdateBody,
  Member,
  RoutingRuleInput,
  RoutingRuleList,
  Team,
  TeamCreateBody,
  TeamList,
  TeamUpdateBody,
} from '@parley/api/protocol';
import { requestJson } from './http.ts';

// The admin side of routing: an inbox's routing settings, who answers it and its rules; teams; members'
// capacities. Every agent may read these; the api refuses changes from anyone but owners and admins (403).

const inboxPath = (inboxId: string) => `/v1/inboxes/${encodeURIComponent(inboxId)}`;

export function updateInboxRouting(inboxId: string, routing: NonNullable<InboxUpdateBody['routing']>): Promise<Inbox> {
  return requestJson('PATCH', inboxPath(inboxId), { routing });
}

export function getInboxMembers(inboxId: string): Promise<InboxMembers> {
  return requestJson('GET', `${inboxPath(inboxId)}/members`);
}

export function setInboxMembers(inboxId: string, userIds: string[]): Promise<InboxMembers> {
  return requestJson('PUT', `${inboxPath(inboxId)}/members`, { userIds });
}

export function getRoutingRules(inboxId: string): Promise<RoutingRuleList> {
  return requestJson('GET', `${inboxPath(inboxId)}/rules`);
}

/** Replaces all of the inbox's rules, in this order (first match wins). */
export function setRoutingRules(inboxId: string, rules: RoutingRuleInput[]): Promise<RoutingRuleList> {
  return requestJson('PUT', `${inboxPath(inboxId)}/rules`, { rules });
}

export function listTeams(): Promise<TeamList> {
  return requestJson('GET', '/v1/teams');
}

export function createTeam(body: TeamCreateBody): Promise<Team> {
  return requestJson('POST', '/v1/teams', body);
}

export function updateTeam(teamId: string, body: TeamUpdateBody): Promise<Team> {
  return requestJson('PATCH', `/v1/teams/${encodeURIComponent(teamId)}`, body);
}

/** Its routing rules go with it (the database cascades); its waiting conversations wait for anyone. */
export function deleteTeam(teamId: string): Promise<void> {
  return requestJson('DELETE', `/v1/teams/${encodeURIComponent(teamId)}`);
}

/** null = the inbox's default capacity. */
export function updateMemberCapacity(userId: string, capacity: number | null): Promise<Member> {
  return requestJson('PATCH', `/v1/members/${encodeURIComponent(userId)}`, { capacity });
}
