export interface RoutingCandidate {
  userId: string;
  /** Open conversations assigned to this agent now. */
  openCount: number;
  /** When this agent was last given a conversation; null for never. */
  lastAssignedAt: Date | null;
}

/** Fair choice: fewest open conversations, then whoever has waited longest since their last assignment. */
export function chooseAgent(candidates: readonly RoutingCandidate[]): RoutingCandidate | undefined {
  return [...candidates].sort(compareCandidates)[0];
}

function compareCandidates(a: RoutingCandidate, b: RoutingCandidate): number {
  if (a.openCount !== b.openCount) return a.openCount - b.openCount;
  const aTime = a.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const bTime = b.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (aTime !== bTime) return aTime - bTime;
  return a.userId < b.userId ? -1 : 1;
}
