import type { ConversationSummary } from '../protocol/entities.ts';

/** A summary as a visitor gets it: priority is for agents only. */
export function presentSummaryToVisitor(summary: ConversationSummary): ConversationSummary {
  const { priority: _priority, ...rest } = summary;
  return rest;
}
