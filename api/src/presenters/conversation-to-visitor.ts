import type { ConversationSummary } from '../protocol/entities.ts';

/** A summary as a visitor gets it: priority and team are for agents only. */
export function presentSummaryToVisitor(summary: ConversationSummary): ConversationSummary {
  const { priority: _priority, teamId: _teamId, participantIds: _participantIds, ...rest } = summary;
  return rest;
}
