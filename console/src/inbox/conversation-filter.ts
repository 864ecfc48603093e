import type { ConversationSummary, Label } from '@parley/api/protocol';
import { type CacheState, type ConversationFilter, selectConversations } from '../realtime/conversation-cache.ts';
import { isListView, type ListView, matchesView } from './list-views.ts';

/** What the list shows: a status filter, or "mine" (open conversations assigned to the signed-in agent). */
export type InboxView = ListView;

export const FILTERS: readonly { value: InboxView; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'mine', label: 'Mine' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
];

/** The list view from `?status=`; open when missing or unknown. */
export function parseFilter(value: string | null): InboxView {
  return isListView(value) ? value : 'open';
}

/** The search string that keeps a view (and a label filter) in links; empty for the default. */
export function toFilterSearch(view: InboxView, labelId: string | null = null): string {
  const params = new URLSearchParams();
  if (view !== 'open') params.set('status', view);
  if (labelId) params.set('label', labelId);
  return params.size > 0 ? `?${params}` : '';
}

/** Only the conversations with the label, as last read from the api; all of them without a label filter. */
export function filterByLabel(
  conversations: ConversationSummary[],
  labelId: string | null,
  labelsByConversation: ReadonlyMap<string, readonly Label[]>,
): ConversationSummary[] {
  if (!labelId) return conversations;
  return conversations.filter((summary) => labelsByConversation.get(summary.id)?.some((label) => label.id === labelId));
}

/** The list to load over REST for a view: "mine" is a part of the open list. */
export function toListFilter(view: InboxView): ConversationFilter {
  if (view === 'participating') return 'all';
  return view === 'mine' || view === 'unassigned' ? 'open' : view;
}

/** The conversations of a view, most recently updated first. */
export function selectView(cache: CacheState, view: InboxView, myUserId: string): ConversationSummary[] {
  const conversations = selectConversations(cache, toListFilter(view));
  return conversations.filter((summary) => matchesView(summary, view, myUserId));
}
