import { expect, test } from 'vitest';
import {
  checkTeamName,
  describePresence,
  findSharedDefault,
  markOwnPresence,
  sortMembers,
  sortTeams,
  summarizeNames,
} from './people.ts';

test('presence: offline wins over away', () => {
  expect(describePresence({ isOnline: true, isAway: false })).toBe('online');
  expect(describePresence({ isOnline: true, isAway: true })).toBe('away');
  expect(describePresence({ isOnline: false, isAway: true })).toBe('offline');
});

test('members sort by role, then name', () => {
  const sorted = sortMembers([
    { name: 'zoe', role: 'agent' as const },
    { name: 'Bob', role: 'admin' as const },
    { name: 'amy', role: 'agent' as const },
    { name: 'Olga', role: 'owner' as const },
  ]);
  expect(sorted.map((member) => member.name)).toEqual(['Olga', 'Bob', 'amy', 'zoe']);
  expect(sortTeams([{ name: 'sales' }, { name: 'Billing' }]).map((team) => team.name)).toEqual(['Billing', 'sales']);
});

test('team names must be given, short enough and not taken (ignoring case)', () => {
  const teams = [{ id: 't1', name: 'Billing' }];
  expect(checkTeamName('  ', teams)).toBe('Give the team a name.');
  expect(checkTeamName('x'.repeat(81), teams)).toMatch(/80 characters/);
  expect(checkTeamName(' billing ', teams)).toBe('There is already a team called Billing.');
  expect(checkTeamName('BILLING', teams, 't1')).toBeNull();
  expect(checkTeamName('Sales', teams)).toBeNull();
});

test('summarizeNames', () => {
  expect(summarizeNames([])).toBe('No members yet');
  expect(summarizeNames(['Ann'])).toBe('Ann');
  expect(summarizeNames(['Ann', 'Bob'])).toBe('Ann and Bob');
  expect(summarizeNames(['Ann', 'Bob', 'Cy'])).toBe('Ann, Bob and Cy');
  expect(summarizeNames(['Ann', 'Bob', 'Cy', 'Di'])).toBe('Ann, Bob and 2 others');
});

test('the signed-in agent is online while their socket is live', () => {
  const members = [
    { userId: 'me', isOnline: false },
    { userId: 'other', isOnline: false },
  ];
  expect(markOwnPresence(members, 'me', true)).toEqual([
    { userId: 'me', isOnline: true },
    { userId: 'other', isOnline: false },
  ]);
  expect(markOwnPresence(members, 'me', false)).toEqual(members);
});

test('findSharedDefault', () => {
  expect(findSharedDefault([4, 4])).toBe(4);
  expect(findSharedDefault([4, 10])).toBeNull();
  expect(findSharedDefault([])).toBeNull();
});
