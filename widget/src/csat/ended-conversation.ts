import type { ConversationView } from '../sync/conversation-store.ts';

/** The newest conversation's id when it is resolved (no newer one started), else null. */
export function findEndedConversationId(conversations: readonly ConversationView[]): string | null {
  const newest = conversations.at(-1)?.summary;
  return newest?.status === 'resolved' ? newest.id : null;
}
