import { expect, test } from 'vitest';
import { chooseAgent } from './choose-agent.ts';

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
