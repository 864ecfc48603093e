import type { Member } from '@parley/api/protocol';

// Who is in the workspace and how they stand (online, away), and the signed-in agent's own status.
// `GET /v1/members` is the truth when read; `presence.set` acks change the agent's own entry.

export type PresenceStatus = 'online' | 'away';
export type MembersLoadState = 'idle' | 'loading' | 'loaded' | 'error';

export interface TeamState {
  readonly status: MembersLoadState;
  readonly members: readonly Member[];
  /** The signed-in agent's status; null until the members were read once. */
  readonly myStatus: PresenceStatus | null;
  /** A `presence.set` is on its way: a members list read meanwhile must not undo the choice. */
  readonly pendingStatus: PresenceStatus | null;
}

export const EMPTY_TEAM: TeamState = { status: 'idle', members: [], myStatus: null, pendingStatus: null };

export function setMembersStatus(state: TeamState, status: MembersLoadState): TeamState {
  return state.status === status ? state : { ...state, status };
}

/** The members as read over REST; the agent's own status comes from their entry unless a change is pending. */
export function applyMembers(state: TeamState, members: readonly Member[], myUserId: string): TeamState {
  const me = members.find((member) => member.userId === myUserId);
  const read: PresenceStatus | null = me ? (me.isAway ? 'away' : 'online') : state.myStatus;
  const myStatus = state.pendingStatus ?? read;
  return {
    ...state,
    status: 'loaded',
    members: state.pendingStatus && me ? withMyAway(members, myUserId, state.pendingStatus === 'away') : members,
    myStatus,
  };
}

export function startPresenceChange(state: TeamState, status: PresenceStatus): TeamState {
  return { ...state, pendingStatus: status };
}

/** The server stored the status (the `ack { status }` of `presence.set`). */
export function applyPresenceAck(state: TeamState, status: PresenceStatus, myUserId: string): TeamState {
  return {
    ...state,
    myStatus: status,
    pendingStatus: null,
    members: withMyAway(state.members, myUserId, status === 'away'),
  };
}

/** The change was refused or lost: the last known status stays. */
export function abortPresenceChange(state: TeamState): TeamState {
  return state.pendingStatus === null ? state : { ...state, pendingStatus: null };
}

/** What the status control shows: the pending choice at once, else the stored one (online until known). */
export function selectShownStatus(state: TeamState): PresenceStatus {
  return state.pendingStatus ?? state.myStatus ?? 'online';
}

export type MemberAvailability = 'online' | 'away' | 'offline';

/** Away wins over online: an away agent's console is open but they take no new conversations. */
export function describeAvailability(member: Pick<Member, 'isAway' | 'isOnline'>): MemberAvailability {
  if (!member.isOnline) return 'offline';
  return member.isAway ? 'away' : 'online';
}

const AVAILABILITY_ORDER: Record<MemberAvailability, number> = { online: 0, away: 1, offline: 2 };

/**
 * The people a conversation can go to, for the "Assign to…" menu: the signed-in agent first, then
 * online, away and offline teammates, each by name. When the inbox's answering agents are known, only
 * they are listed (the api refuses anyone else with member/not_found).
 */
export function selectAssignableMembers(
  members: readonly Member[],
  myUserId: string,
  inboxMemberIds: readonly string[] | null,
): Member[] {
  const allowed = inboxMemberIds ? new Set(inboxMemberIds) : null;
  return members
    .filter((member) => allowed === null || allowed.has(member.userId))
    .sort((a, b) => {
      if (a.userId === myUserId) return -1;
      if (b.userId === myUserId) return 1;
      const byAvailability = AVAILABILITY_ORDER[describeAvailability(a)] - AVAILABILITY_ORDER[describeAvailability(b)];
      return byAvailability !== 0 ? byAvailability : a.name.localeCompare(b.name);
    });
}

function withMyAway(members: readonly Member[], myUserId: string, isAway: boolean): Member[] {
  return members.map((member) => (member.userId === myUserId ? { ...member, isAway } : member));
}
