import type { ConversationTeamResult } from '@parley/api/protocol';
import { requestJson } from '../api/http.ts';

/** Moves a conversation to a team, or out of any (null); every console hears it as conversation.team_changed. */
export function setConversationTeam(conversationId: string, teamId: string | null): Promise<ConversationTeamResult> {
  return requestJson('PUT', `/v1/conversations/${encodeURIComponent(conversationId)}/team`, { teamId });
}
