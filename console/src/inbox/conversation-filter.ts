import type { ConversationFilter } from '../realtime/conversation-cache.ts';

export const FILTERS: readonly { value: ConversationFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
];

/** The list filter from `?status=`; open when missing or unknown. */
export function parseFilter(value: string | null): ConversationFilter {
  return value === 'resolved' || value === 'all' ? value : 'open';
}

/** The search string that keeps a filter in links (empty for the default). */
export function toFilterSearch(filter: ConversationFilter): string {
  return filter === 'open' ? '' : `?status=${filter}`;
}
