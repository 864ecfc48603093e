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
  return withIds(
    cache,
    change.conversationId,
    change.participants.map((participant) => participant.id),
  );
}

/**
 * After summaries read over REST (a list, a conversation) went into the cache. Participants have no seq, so
 * the cache skips a summary at the seq it holds: the read's participants are taken anyway, as a join or
 * leave announced while the socket was not live comes only with the next read. Except where `heardSince`
 * gives participants that a participants_changed brought after the read began: they are newer and stay.
 */
export function withReadParticipantIds(
  cache: CacheState,
  read: readonly ConversationSummary[],
  heardSince: (conversationId: string) => readonly string[] | null,
): CacheState {
  let next = cache;
  for (const summary of read) {
    const ids = heardSince(summary.id) ?? summary.participantIds;
    if (ids) next = withIds(next, summary.id, ids);
  }
  return next;
}

function withIds(cache: CacheState, conversationId: string, participantIds: readonly string[]): CacheState {
  const entry = cache.conversations.get(conversationId);
  if (!entry || isSameList(entry.summary.participantIds, participantIds)) return cache;
  const conversations = new Map(cache.conversations);
  conversations.set(conversationId, { ...entry, summary: { ...entry.summary, participantIds: [...participantIds] } });
  return { ...cache, conversations };
}

function isSameList(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((id, index) => id === b[index]);
}
