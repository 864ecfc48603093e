import { describe, expect, it } from 'vitest';
import {
  describeStanding,
  formatLoad,
  parseCandidate,
  type RoutingDecision,
  toDecisionView,
  toDecisionViews,
} from './routing-log.ts';

const ANN = { id: '0190a000-0000-7000-8000-0000000000bb', name: 'Ann' };
const BOB_ID = '0190a000-0000-7000-8000-0000000000bc';

/** A candidate as the api records it (a CandidateStanding with its ineligibility, dates as ISO strings). */
function standing(overrides: Record<string, unknown> = {}) {
  return {
    userId: ANN.id,
    name: 'Ann',
    capacity: 5,
    isOnline: true,
    isAway: false,
    openCount: 1,
    lastAssignedAt: '2025-01-01T11:58:00.000Z',
    ineligibility: null,
    ...overrides,
  };
}

function decision(overrides: Partial<RoutingDecision> = {}): RoutingDecision {
  return {
    outcome: 'assigned',
    reason: 'Ann: fewest open conversations (1/5) among 1 available, then longest since last assignment',
    agent: ANN,
    candidates: [standing(), standing({ userId: BOB_ID, name: 'Bob', isAway: true, ineligibility: 'away' })],
    decidedAt: '2025-01-01T12:00:00.000Z',
    ...overrides,
  };
}

describe('routing log', () => {
  it('reads each candidate’s standing and marks the chosen one', () => {
    const view = toDecisionView(decision());
    expect(view).toMatchObject({ outcomeLabel: 'Assigned', agentLabel: 'To Ann' });
    expect(view.candidates).toEqual([
      {
        userId: ANN.id,
        name: 'Ann',
        availability: 'online',
        openCount: 1,
        capacity: 5,
        lastAssignedAt: '2025-01-01T11:58:00.000Z',
        ineligibility: null,
        isChosen: true,
      },
      expect.objectContaining({ name: 'Bob', availability: 'away', ineligibility: 'away', isChosen: false }),
    ]);
    expect(view.candidates.map(describeStanding)).toEqual(['Chosen', 'Away']);
  });

  it('words returns and queued decisions', () => {
    expect(
      toDecisionView(decision({ outcome: 'returned', reason: 'handed back by Ann', candidates: [] })),
    ).toMatchObject({
      outcomeLabel: 'Returned to queue',
      agentLabel: 'From Ann',
      reason: 'Handed back by Ann',
      candidates: [],
    });
    const queued = toDecisionView(
      decision({
        outcome: 'queued',
        reason: 'no agent available: Ann at capacity (5/5)',
        agent: null,
        candidates: [standing({ openCount: 5, ineligibility: 'at capacity' })],
      }),
    );
    expect(queued).toMatchObject({ outcomeLabel: 'Queued', agentLabel: null });
    expect(queued.candidates[0]?.isChosen).toBe(false);
    expect(queued.candidates.map(describeStanding)).toEqual(['At capacity']);
    expect(queued.candidates.map(formatLoad)).toEqual(['5 / 5']);
  });

  it('survives candidates of another shape', () => {
    expect(parseCandidate(null)).toBeNull();
    expect(parseCandidate('Ann')).toBeNull();
    expect(parseCandidate({})).toBeNull();
    const partial = parseCandidate({ userId: ANN.id, openCount: -1, lastAssignedAt: 'yesterday' });
    expect(partial).toMatchObject({
      name: 'Unknown agent',
      availability: 'unknown',
      openCount: null,
      capacity: null,
      lastAssignedAt: null,
    });
    if (!partial) throw new Error('no candidate');
    expect(formatLoad(partial)).toBe('—');
    expect(describeStanding({ ...partial, ineligibility: 'excluded' })).toBe('Skipped: just had it');
    expect(parseCandidate({ name: 'Old', isOnline: false, isAway: true })?.availability).toBe('offline');
    const views = toDecisionView(decision({ candidates: [42, standing()] }));
    expect(views.candidates).toHaveLength(1);
  });

  it('puts the newest decision first, keeping the server order for equal times', () => {
    const views = toDecisionViews([
      decision({ outcome: 'queued', agent: null, decidedAt: '2025-01-01T12:00:00.000Z' }),
      decision({ outcome: 'assigned', decidedAt: '2025-01-01T12:03:00.000Z' }),
      decision({ outcome: 'returned', decidedAt: '2025-01-01T12:03:00.000Z' }),
    ]);
    expect(views.map((view) => view.outcome)).toEqual(['returned', 'assigned', 'queued']);
    expect(new Set(views.map((view) => view.key)).size).toBe(3);
  });
});
