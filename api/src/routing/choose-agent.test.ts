import { expect, test } from 'vitest';
import { type CandidateStanding, chooseAgent, describeNobodyAvailable, findIneligibility } from './choose-agent.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

test('the least busy agent gets the conversation', () => {
  const chosen = chooseAgent([
    { userId: 'a', openCount: 2, lastAssignedAt: at(1) },
    { userId: 'b', openCount: 1, lastAssignedAt: at(9) },
  ]);
  expect(chosen?.userId).toBe('b');
});

test('among equally busy agents, whoever waited longest since an assignment gets it; never-assigned first', () => {
  expect(
    chooseAgent([
      { userId: 'a', openCount: 1, lastAssignedAt: at(5) },
      { userId: 'b', openCount: 1, lastAssignedAt: at(2) },
    ])?.userId,
  ).toBe('b');
  expect(
    chooseAgent([
      { userId: 'a', openCount: 0, lastAssignedAt: at(5) },
      { userId: 'b', openCount: 0, lastAssignedAt: null },
    ])?.userId,
  ).toBe('b');
});

test('nobody available means no choice', () => {
  expect(chooseAgent([])).toBeUndefined();
});

const standing = (overrides: Partial<CandidateStanding> = {}): CandidateStanding => ({
  userId: 'a',
  name: 'Ann',
  openCount: 0,
  lastAssignedAt: null,
  capacity: 2,
  isOnline: true,
  isAway: false,
  ...overrides,
});

test('an agent is eligible only when online, not away, under capacity and not excluded', () => {
  expect(findIneligibility(standing())).toBeNull();
  expect(findIneligibility(standing({ isOnline: false }))).toBe('offline');
  expect(findIneligibility(standing({ isAway: true }))).toBe('away');
  expect(findIneligibility(standing({ openCount: 2 }))).toBe('at capacity');
  expect(findIneligibility(standing({ openCount: 1 }))).toBeNull();
  expect(findIneligibility(standing(), 'a')).toBe('excluded');
});

test('the log line says who could not take it and why', () => {
  expect(
    describeNobodyAvailable([
      { ...standing({ name: 'Ann', openCount: 2 }), ineligibility: 'at capacity' },
      { ...standing({ name: 'Bo', isOnline: false }), ineligibility: 'offline' },
    ]),
  ).toBe('no agent available: Ann at capacity (2/2), Bo offline');
  expect(describeNobodyAvailable([])).toMatch(/no agent is a member/);
});
