import type { ConversationPriority, ConversationStatus } from '@parley/api/protocol';

export const STATUS_LABELS: Record<ConversationStatus, string> = {
  open: 'Open',
  pending: 'Pending',
  snoozed: 'Snoozed',
  resolved: 'Resolved',
};

export const PRIORITY_LABELS: Record<ConversationPriority, string> = {
  none: 'No priority',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  urgent: 'Urgent',
};

export const PRIORITIES: readonly ConversationPriority[] = ['urgent', 'high', 'medium', 'low', 'none'];

/** "Tue 9:00" within a week, "Dec 24, 9:00" beyond: when a snooze ends, in the agent's own time. */
export function formatSnoozeTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const time = date.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
  const isWithinWeek = date.getTime() - now.getTime() < 6 * 86_400_000;
  if (date.toDateString() === now.toDateString()) return time;
  const day = isWithinWeek
    ? date.toLocaleDateString(undefined, { weekday: 'short' })
    : date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  return `${day} ${time}`;
}
