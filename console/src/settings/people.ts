import type { Member, Role, Team } from '@parley/api/protocol';

// Small pure helpers for the teams and members screens.

export type Presence = 'online' | 'away' | 'offline';

export const ROLE_LABELS: Record<Role, string> = { owner: 'Owner', admin: 'Admin', agent: 'Agent' };
const ROLE_ORDER: Record<Role, number> = { owner: 0, admin: 1, agent: 2 };

/** Online with the console open and not away, away (keeps their conversations, gets no new ones), or offline. */
export function describePresence(member: Pick<Member, 'isOnline' | 'isAway'>): Presence {
  if (!member.isOnline) return 'offline';
  return member.isAway ? 'away' : 'online';
}

export const PRESENCE_LABELS: Record<Presence, string> = { online: 'Online', away: 'Away', offline: 'Offline' };

/** Owners, then admins, then agents; by name within a role. */
export function sortMembers<T extends Pick<Member, 'role' | 'name'>>(members: readonly T[]): T[] {
  return [...members].sort(
    (a, b) =>
      ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
  );
}

export function sortTeams<T extends Pick<Team, 'name'>>(teams: readonly T[]): T[] {
  return [...teams].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}

export const MAX_TEAM_NAME = 80;

/** Null when the name can be saved; names are compared without case, so "billing" and "Billing" clash. */
export function checkTeamName(
  name: string,
  teams: readonly Pick<Team, 'id' | 'name'>[],
  ownId?: string,
): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Give the team a name.';
  if (trimmed.length > MAX_TEAM_NAME) return `Keep the name to ${MAX_TEAM_NAME} characters or fewer.`;
  const clash = teams.find(
    (team) => team.id !== ownId && team.name.trim().localeCompare(trimmed, undefined, { sensitivity: 'base' }) === 0,
  );
  return clash ? `There is already a team called ${clash.name}.` : null;
}

/** "Ann Agent, Bob and 3 others" — who is in a team, for one line of a list. */
export function summarizeNames(names: readonly string[], shown = 2): string {
  if (names.length === 0) return 'No members yet';
  if (names.length <= shown + 1) return joinNames(names);
  const rest = names.length - shown;
  return `${names.slice(0, shown).join(', ')} and ${rest} others`;
}

function joinNames(names: readonly string[]): string {
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The signed-in agent is online whenever their own console socket is live, even if the list was read
 * a moment before it connected (a fresh page load reads REST first); otherwise the list is kept as read.
 */
export function markOwnPresence<T extends Pick<Member, 'userId' | 'isOnline'>>(
  members: readonly T[],
  myUserId: string,
  isMySocketLive: boolean,
): T[] {
  if (!isMySocketLive) return [...members];
  return members.map((member) =>
    member.userId === myUserId && !member.isOnline ? { ...member, isOnline: true } : member,
  );
}

/** The default capacity every inbox shares, or null when they differ (or there is none). */
export function findSharedDefault(defaults: readonly number[]): number | null {
  const [first] = defaults;
  return first !== undefined && defaults.every((value) => value === first) ? first : null;
}
