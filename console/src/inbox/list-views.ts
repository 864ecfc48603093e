import type { ConversationSummary } from '@parley/api/protocol';
import type { CacheState } from '../realtime/conversation-cache.ts';
import { isParticipating } from './list-views-participating.ts';

/** The views of the list, as `?status=` carries them; mine and unassigned are parts of open. */
export type ListView = 'open' | 'mine' | 'unassigned' | 'participating' | 'pending' | 'snoozed' | 'resolved' | 'all';
export type ListSort = 'newest' | 'waiting';

export const LIST_VIEWS: readonly { value: ListView; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'mine', label: 'Mine' },
  { value: 'unassigned', label: 'Unassigned' },
  { value: 'participating', label: 'Participating' },
  { value: 'pending', label: 'Pending' },
  { value: 'snoozed', label: 'Snoozed' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
];

const VIEW_VALUES = new Set<string>(LIST_VIEWS.map((view) => view.value));

export function isListView(value: string | null): value is ListView {
  return value !== null && VIEW_VALUES.has(value);
}

export function matchesView(summary: ConversationSummary, view: ListView, myUserId: string): boolean {
  switch (view) {
    case 'all':
      return true;
    case 'mine':
      return summary.status === 'open' && summary.assignee?.id === myUserId;
    case 'unassigned':
      return summary.status === 'open' && summary.assignee === null;
    case 'participating':
      return isParticipating(summary, myUserId);
    default:
      return summary.status === view;
  }
}

/** How many held conversations each view shows; kept live by the cache's events and changes. */
export function countViews(cache: CacheState, myUserId: string): Record<ListView, number> {
  const counts = Object.fromEntries(LIST_VIEWS.map((view) => [view.value, 0])) as Record<ListView, number>;
  for (const { summary } of cache.conversations.values()) {
    for (const { value } of LIST_VIEWS) if (matchesView(summary, value, myUserId)) counts[value] += 1;
  }
  return counts;
}

/** Filters on top of the view: `?inbox=`, `?team=`, `?assignee=` (a user id or `none`), `?sort=waiting`. */
export interface ListOptions {
  inboxId: string | null;
  teamId: string | null;
  assigneeId: string | null;
  sort: ListSort;
}

export function parseListOptions(params: URLSearchParams): ListOptions {
  return {
    inboxId: params.get('inbox') || null,
    teamId: params.get('team') || null,
    assigneeId: params.get('assignee') || null,
    sort: params.get('sort') === 'waiting' ? 'waiting' : 'newest',
  };
}

/** The search string with one option changed (null removes it), the others kept. */
export function withListParam(
  params: URLSearchParams,
  name: 'status' | 'inbox' | 'team' | 'assignee' | 'sort' | 'label',
  value: string | null,
) {
  const next = new URLSearchParams(params);
  if (value === null) next.delete(name);
  else next.set(name, value);
  next.delete('at');
  return next.size > 0 ? `?${next}` : '';
}

export function applyListOptions(conversations: readonly ConversationSummary[], options: ListOptions) {
  const { inboxId, teamId, assigneeId } = options;
  const shown = conversations.filter(
    (summary) =>
      (!inboxId || summary.inboxId === inboxId) &&
      (!teamId || summary.teamId === teamId) &&
      (!assigneeId || (assigneeId === 'none' ? summary.assignee === null : summary.assignee?.id === assigneeId)),
  );
  return options.sort === 'waiting' ? sortByWaitingLongest(shown) : shown;
}

/**
 * Waiting longest first: conversations whose last message is the visitor's, oldest such message first;
 * then the rest, most recently updated first (the order they came in).
 */
export function sortByWaitingLongest(conversations: readonly ConversationSummary[]): ConversationSummary[] {
  const waitingSince = (summary: ConversationSummary) =>
    summary.lastMessage?.senderType === 'visitor' && summary.status !== 'resolved'
      ? Date.parse(summary.lastMessage.createdAt)
      : Number.POSITIVE_INFINITY;
  return conversations
    .map((summary, index) => ({ summary, index, since: waitingSince(summary) }))
    .sort((a, b) => (a.since === b.since ? a.index - b.index : a.since - b.since))
    .map((entry) => entry.summary);
}

/** The assignees to offer in the filter: everyone holding a listed conversation, by name. */
export function listAssignees(conversations: Iterable<ConversationSummary>) {
  const byId = new Map<string, string>();
  for (const summary of conversations) if (summary.assignee) byId.set(summary.assignee.id, summary.assignee.name);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
