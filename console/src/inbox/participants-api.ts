import type { ParticipantList } from '@parley/api/protocol';
import { requestJson } from '../api/http.ts';

const participantsPath = (conversationId: string) =>
  `/v1/conversations/${encodeURIComponent(conversationId)}/participants`;

export function getParticipants(conversationId: string, signal?: AbortSignal): Promise<ParticipantList> {
  return requestJson('GET', participantsPath(conversationId), undefined, { signal });
}

/** "Join": the signed-in agent takes part (and follows the conversation) from now on. */
export function joinConversation(conversationId: string): Promise<ParticipantList> {
  return requestJson('POST', participantsPath(conversationId));
}

/** "Leave": the signed-in agent takes part no more (writing in it again makes them a participant again). */
export function leaveConversation(conversationId: string): Promise<ParticipantList> {
  return requestJson('DELETE', participantsPath(conversationId));
}
