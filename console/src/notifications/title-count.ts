/** Unseen notifications per conversation, for "(3) Parley" in the tab title. Immutable. */
export type UnseenCounts = ReadonlyMap<string, number>;

export const NO_UNSEEN: UnseenCounts = new Map();

export function addUnseen(counts: UnseenCounts, conversationId: string): UnseenCounts {
  const next = new Map(counts);
  next.set(conversationId, (counts.get(conversationId) ?? 0) + 1);
  return next;
}

/** The agent has seen the conversation (open, tab visible): its count goes away. */
export function markSeen(counts: UnseenCounts, conversationId: string | null): UnseenCounts {
  if (!conversationId || !counts.has(conversationId)) return counts;
  const next = new Map(counts);
  next.delete(conversationId);
  return next;
}

export function totalUnseen(counts: UnseenCounts): number {
  let total = 0;
  for (const count of counts.values()) total += count;
  return total;
}

/** "(3) Parley"; the plain title at zero. A title that already carries a count is not counted twice. */
export function formatTitle(baseTitle: string, count: number): string {
  const plain = baseTitle.replace(/^\(\d+\+?\) /, '');
  if (count <= 0) return plain;
  return `(${count > 99 ? '99+' : count}) ${plain}`;
}
