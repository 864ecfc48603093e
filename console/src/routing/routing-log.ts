import type { AgentRef, RoutingDecisionList } from '@parley/api/protocol';

// The routing log as the "Why this agent?" drawer shows it. The api stores each decision's candidates
// as it saw them (typed `unknown` on the wire), so they are read defensively here: a field that is
// missing or of another shape is shown as unknown rather than breaking the view.

export type RoutingDecision = RoutingDecisionList['decisions'][number];
export type RoutingOutcome = RoutingDecision['outcome'];
export type CandidateAvailability = 'online' | 'away' | 'offline' | 'unknown';

export interface CandidateView {
  readonly userId: string | null;
  readonly name: string;
  readonly availability: CandidateAvailability;
  readonly openCount: number | null;
  readonly capacity: number | null;
  readonly lastAssignedAt: string | null;
  /** Why they could not take it ("away", "at capacity"…); null when they could. */
  readonly ineligibility: string | null;
  readonly isChosen: boolean;
}

export interface DecisionView {
  readonly key: string;
  readonly outcome: RoutingOutcome;
  readonly outcomeLabel: string;
  readonly reason: string;
  readonly decidedAt: string;
  readonly agent: AgentRef | null;
  /** "To Ann" for an assignment, "From Ann" for a return; null when no agent was involved. */
  readonly agentLabel: string | null;
  readonly candidates: readonly CandidateView[];
}

const OUTCOME_LABELS: Record<RoutingOutcome, string> = {
  assigned: 'Assigned',
  queued: 'Queued',
  returned: 'Returned to queue',
};

/** The decisions newest first (the answer to "why is it where it is" on top), ready to render. */
export function toDecisionViews(decisions: readonly RoutingDecision[]): DecisionView[] {
  return decisions
    .map((decision, index) => ({ decision, index }))
    .sort((a, b) => Date.parse(b.decision.decidedAt) - Date.parse(a.decision.decidedAt) || b.index - a.index)
    .map(({ decision, index }) => toDecisionView(decision, index));
}

export function toDecisionView(decision: RoutingDecision, index = 0): DecisionView {
  const { outcome, agent } = decision;
  const agentLabel = agent ? `${outcome === 'returned' ? 'From' : 'To'} ${agent.name}` : null;
  return {
    key: `${decision.decidedAt}-${index}`,
    outcome,
    outcomeLabel: OUTCOME_LABELS[outcome] ?? outcome,
    reason: capitalize(decision.reason.trim()),
    decidedAt: decision.decidedAt,
    agent,
    agentLabel,
    candidates: decision.candidates
      .map((candidate) => parseCandidate(candidate, outcome === 'assigned' ? (agent?.id ?? null) : null))
      .filter((candidate): candidate is CandidateView => candidate !== null),
  };
}

/** One candidate's standing as recorded; null for something that is not a candidate at all. */
export function parseCandidate(raw: unknown, chosenUserId: string | null = null): CandidateView | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  const userId = readString(record.userId);
  const name = readString(record.name) ?? (userId ? 'Unknown agent' : null);
  if (name === null) return null;
  const isOnline = readBoolean(record.isOnline);
  const isAway = readBoolean(record.isAway);
  const availability: CandidateAvailability =
    isOnline === false ? 'offline' : isAway === true ? 'away' : isOnline === true ? 'online' : 'unknown';
  const lastAssignedAt = readString(record.lastAssignedAt);
  return {
    userId,
    name,
    availability,
    openCount: readCount(record.openCount),
    capacity: readCount(record.capacity),
    lastAssignedAt: lastAssignedAt && !Number.isNaN(Date.parse(lastAssignedAt)) ? lastAssignedAt : null,
    ineligibility: readString(record.ineligibility),
    isChosen: userId !== null && userId === chosenUserId,
  };
}

/** The standing column in words: "Chosen", "Eligible", "Away", "At capacity", "Offline"… */
export function describeStanding(candidate: CandidateView): string {
  if (candidate.isChosen) return 'Chosen';
  switch (candidate.ineligibility) {
    case null:
      return 'Eligible';
    case 'excluded':
      return 'Skipped: just had it';
    default:
      return capitalize(candidate.ineligibility);
  }
}

/** "2 / 5" open conversations against capacity, or what is known of it. */
export function formatLoad(candidate: CandidateView): string {
  if (candidate.openCount === null) return '—';
  return candidate.capacity === null ? String(candidate.openCount) : `${candidate.openCount} / ${candidate.capacity}`;
}

function capitalize(text: string): string {
  return text ? `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}` : text;
}

function readString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function readBoolean(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

function readCount(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : null;
}
