import type { ConversationEvent } from '@parley/api/protocol';

type TeamEvent = Extract<ConversationEvent, { type: 'conversation.team_changed' }>;

/** The timeline's line for a team change. */
export function describeTeamEvent(event: TeamEvent): string {
  const by = event.data.by ? ` by ${event.data.by.name}` : '';
  return event.data.team ? `Moved to team ${event.data.team.name}${by}` : `Removed from its team${by}`;
}
