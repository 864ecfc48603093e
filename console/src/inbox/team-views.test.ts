import type { ConversationSummary } from '@parley/api/protocol';
import { describe, expect, test } from 'vitest';
import { EMPTY_CACHE, mergeSummaries } from '../realtime/conversation-cache.ts';
import { applyListOptions, parseListOptions, withListParam } from './list-views.ts';
import { countTeamViews } from './team-views.ts';

const ME = '00000000-0000-4000-8000-00000000000a';
const BILLING = '00000000-0000-4000-8000-0000000000f1';
const SALES = '00000000-0000-4000-8000-0000000000f2';
const FOREIGN = '00000000-0000-4000-8000-0000000000f9';
const teams = [
  { id: SALES, name: 'Sales' },
  { id: BILLING, name: 'Billing' },
];

function summary(id: string, fields: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id,
    inboxId: '00000000-0000-4000-8000-0000000000c1',
    status: 'open',
    priority: 'none',
    snoozedUntil: null,
    assignee: null,
    teamId: null,
    visitor: { id: `v-${id}`, name: null, email: null },
    lastSeq: 2,
    lastMessage: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    ...fields,
  };
}

describe('per-team views', () => {
  const all = [
    summary('1', { teamId: BILLING }),
    summary('2', { teamId: BILLING, status: 'resolved' }),
    summary('3', { teamId: SALES, assignee: { id: ME, name: 'Me' } }),
    summary('4'),
    summary('5', { teamId: FOREIGN }),
  ];
  const cache = mergeSummaries(EMPTY_CACHE, all).state;

  test('one view per known team, by name, counting what the current view shows', () => {
    expect(countTeamViews(cache, teams, 'open', ME)).toEqual([
      { id: BILLING, name: 'Billing', count: 1 },
      { id: SALES, name: 'Sales', count: 1 },
    ]);
    expect(countTeamViews(cache, teams, 'all', ME).map((team) => team.count)).toEqual([2, 1]);
    expect(countTeamViews(cache, teams, 'unassigned', ME).map((team) => team.count)).toEqual([1, 0]);
  });

  test('counts follow the cache: a conversation moving status leaves the open count', () => {
    const later = mergeSummaries(cache, [{ ...all[0]!, status: 'pending', lastSeq: 3 }]).state;
    expect(countTeamViews(later, teams, 'open', ME)[0]).toMatchObject({ name: 'Billing', count: 0 });
  });

  test('?team= filters the list to that team and stays in links', () => {
    const options = parseListOptions(new URLSearchParams(`team=${BILLING}`));
    expect(options.teamId).toBe(BILLING);
    expect(applyListOptions(all, options).map((s) => s.id)).toEqual(['1', '2']);
    expect(withListParam(new URLSearchParams(`team=${BILLING}`), 'status', 'mine')).toBe(
      `?team=${BILLING}&status=mine`,
    );
    expect(withListParam(new URLSearchParams(`team=${BILLING}`), 'team', null)).toBe('');
  });
});
