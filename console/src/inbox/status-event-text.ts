import type { ConversationEvent } from '@parley/api/protocol';
import { formatSnoozeTime, PRIORITY_LABELS } from './status-labels.ts';

type StatusEvent = Extract<
  ConversationEvent,
  { type: 'conversation.status_changed' | 'conversation.priority_changed' }
>;

/** The timeline's line for a status or priority change. */
export function describeStatusEvent(event: StatusEvent): string {
  const by = event.data.by ? ` by ${event.data.by.name}` : '';
  if (event.type === 'conversation.priority_changed') {
    const priority = event.data.priority ?? 'none';
    return priority === 'none' ? `Priority cleared${by}` : `Priority set to ${PRIORITY_LABELS[priority]}${by}`;
  }
  const { status, snoozedUntil, reason } = event.data;
  if (status === 'snoozed' && snoozedUntil) return `Snoozed until ${formatSnoozeTime(snoozedUntil)}${by}`;
  if (status === 'pending') return `Marked pending${by}`;
  if (reason === 'snooze_ended') return 'Snooze ended';
  if (reason === 'visitor_message') return 'Reopened: the visitor wrote';
  return `Reopened${by}`;
}
