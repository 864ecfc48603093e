import type { Inbox, Invitation, Member, RoutingRule, Team } from '@parley/api/protocol';
import { listInboxes } from '../api/endpoints.ts';
import { listMembers } from '../api/routing-endpoints.ts';
import { getInboxMembers, getRoutingRules, listTeams } from '../api/settings-endpoints.ts';
import { type InboxSettingsData, loadInboxSettings } from '../app/loaders.ts';
import { listInvitationsIfAllowed } from './members-api.ts';

// Route loaders of the settings screens: every page opens with its data in place (a failure shows the
// route's error page with "Try again").

export interface InboxSettingsPageData extends InboxSettingsData {
  members: Member[];
  teams: Team[];
  /** Who answers the inbox. */
  inboxMemberIds: string[];
  rules: RoutingRule[];
}

export async function loadInboxSettingsPage(args?: { request: Request }): Promise<InboxSettingsPageData> {
  const inboxId = args ? new URL(args.request.url).searchParams.get('inbox') : null;
  const [{ inbox }, { members }, { teams }] = await Promise.all([
    loadInboxSettings(inboxId),
    listMembers(),
    listTeams(),
  ]);
  if (!inbox) return { inbox, members, teams, inboxMemberIds: [], rules: [] };
  const [{ userIds }, { rules }] = await Promise.all([getInboxMembers(inbox.id), getRoutingRules(inbox.id)]);
  return { inbox, members, teams, inboxMemberIds: userIds, rules };
}

export interface TeamsPageData {
  teams: Team[];
  members: Member[];
}

export async function loadTeamsPage(): Promise<TeamsPageData> {
  const [{ teams }, { members }] = await Promise.all([listTeams(), listMembers()]);
  return { teams, members };
}

export interface MembersPageData {
  members: Member[];
  inboxes: Inbox[];
  /** Open invitations; null for an agent, who may not see them. */
  invitations: Invitation[] | null;
}

export async function loadMembersPage(): Promise<MembersPageData> {
  const [{ members }, { inboxes }, invitations] = await Promise.all([
    listMembers(),
    listInboxes(),
    listInvitationsIfAllowed(),
  ]);
  return { members, inboxes, invitations: invitations?.invitations ?? null };
}
