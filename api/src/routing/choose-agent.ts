export interface RoutingCandidate {
  userId: string;
  /** Open conversations assigned to this agent now. */
  openCount: number;
  /** When this agent was last given a conversation; null for never. */
  lastAssignedAt: Date | null;
}

export interface CandidateStanding extends RoutingCandidate {
  name: string;
  capacity: number;
  isOnline: boolean;
  isAway: boolean;
}

export type Ineligibility = 'offline' | 'away' | 'at capacity' | 'excluded';

/** Why an agent cannot take a conversation now, or null when they can. */
export function findIneligibility(candidate: CandidateStanding, excludedUserId?: string): Ineligibility | null {
  if (candidate.userId === excludedUserId) return 'excluded';
  if (!candidate.isOnline) return 'offline';
  if (candidate.isAway) return 'away';
  if (candidate.openCount >= candidate.capacity) return 'at capacity';
  return null;
}

/** Fair choice: fewest open conversations, then whoever has waited longest since their last assignment. */
export function chooseAgent<Candidate extends RoutingCandidate>(
  candidates: readonly Candidate[],
): Candidate | undefined {
  return [...candidates].sort(compareCandidates)[0];
}

function compareCandidates(a: RoutingCandidate, b: RoutingCandidate): number {
  if (a.openCount !== b.openCount) return a.openCount - b.openCount;
  const aTime = a.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const bTime = b.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (aTime !== bTime) return aTime - bTime;
  return a.userId < b.userId ? -1 : 1;
}

/** One line an admin can read: who could not take it and why. */
export function describeNobodyAvailable(
  standings: readonly (CandidateStanding & { ineligibility: Ineligibility | null })[],
): string {
  if (standings.length === 0) return 'no agent is a member of this inbox (or of its team)';
  const reasons = standings.map((s) =>
    s.ineligibility === 'at capacity'
      ? `${s.name} at capacity (${s.openCount}/${s.capacity})`
      : `${s.name} ${s.ineligibility}`,
  );
  return `no agent available: ${reasons.join(', ')}`;
}
