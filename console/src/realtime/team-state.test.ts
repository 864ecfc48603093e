import { describe, expect, it } from 'vitest';
import {
  abortPresenceChange,
  applyMembers,
  applyPresenceAck,
  describeAvailability,
  EMPTY_TEAM,
  selectAssignableMembers,
  selectShownStatus,
  startPresenceChange,
} from './team-state.ts';
import { AGENT, ME, makeMember } from './test-fixtures.ts';

const ZOE = '0190a000-0000-7000-8000-0000000000f1';
const BEN = '0190a000-0000-7000-8000-0000000000f2';

describe('team state', () => {
  it('reads the agent’s own status from their member entry', () => {
    expect(applyMembers(EMPTY_TEAM, [makeMember({ isAway: true })], ME.id).myStatus).toBe('away');
    expect(applyMembers(EMPTY_TEAM, [makeMember()], ME.id)).toMatchObject({ status: 'loaded', myStatus: 'online' });
    expect(applyMembers(EMPTY_TEAM, [makeMember({ userId: AGENT.id })], ME.id).myStatus).toBeNull();
  });

  it('shows a change at once and keeps it while a stale members list arrives', () => {
    let state = applyMembers(EMPTY_TEAM, [makeMember()], ME.id);
    state = startPresenceChange(state, 'away');
    expect(selectShownStatus(state)).toBe('away');
    state = applyMembers(state, [makeMember({ isAway: false })], ME.id);
    expect(selectShownStatus(state)).toBe('away');
    expect(state.members[0]?.isAway).toBe(true);
    state = applyPresenceAck(state, 'away', ME.id);
    expect(state).toMatchObject({ myStatus: 'away', pendingStatus: null });
    expect(state.members[0]?.isAway).toBe(true);
  });

  it('falls back to the stored status when a change fails', () => {
    let state = applyMembers(EMPTY_TEAM, [makeMember()], ME.id);
    state = abortPresenceChange(startPresenceChange(state, 'away'));
    expect(selectShownStatus(state)).toBe('online');
    expect(abortPresenceChange(state)).toBe(state);
    expect(selectShownStatus(EMPTY_TEAM)).toBe('online');
  });

  it('calls a member with no console open offline, even when marked away', () => {
    expect(describeAvailability({ isOnline: true, isAway: false })).toBe('online');
    expect(describeAvailability({ isOnline: true, isAway: true })).toBe('away');
    expect(describeAvailability({ isOnline: false, isAway: true })).toBe('offline');
  });

  it('lists the agent first, then online, away and offline teammates by name', () => {
    const members = [
      makeMember({ userId: ZOE, name: 'Zoe', isOnline: false }),
      makeMember({ userId: BEN, name: 'Ben', isAway: true }),
      makeMember({ userId: AGENT.id, name: 'Ann', isOnline: true }),
      makeMember({ isOnline: false }),
    ];
    expect(selectAssignableMembers(members, ME.id, null).map((member) => member.name)).toEqual([
      'Mia',
      'Ann',
      'Ben',
      'Zoe',
    ]);
    expect(selectAssignableMembers(members, ME.id, [AGENT.id, ZOE]).map((member) => member.name)).toEqual([
      'Ann',
      'Zoe',
    ]);
  });
});
