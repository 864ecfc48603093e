import type { ConversationSummary, Participant } from '@parley/api/protocol';
import type { CacheState } from '../realtime/conversation-cache.ts';

/** Participating: not resolved, I take part, and someone else (or nobody) is the assignee. */
export function isParticipating(summary: ConversationSummary, myUserId: string): boolean {
  return (
    summary.status !== 'resolved' &&
    summary.assignee?.id !== myUserId &&
    (summary.participantIds ?? []).includes(myUserId)
  );
}

/** The cache with a conversation's participants as conversation.participants_changed told them. */
export function withParticipantIds(
  cache: CacheState,
  change: { conversationId: string; participants: readonly Participant[] },
): CacheState {
  const entry = cache.conversations.get(change.conversationId);
  if (!entry) return cache;
  const participantIds = change.participants.map((participant) => participant.id);
  const conversations = new Map(cache.conversations);
  conversations.set(change.conversationId, { ...entry, summary: { ...entry.summary, participantIds } });
  return { ...cache, conversations };
}
