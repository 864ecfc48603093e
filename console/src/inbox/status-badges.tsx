import type { ConversationSummary } from '@parley/api/protocol';
import { formatFullTime } from '../lib/format-time.ts';
import { formatSnoozeTime, PRIORITY_LABELS } from './status-labels.ts';
import './status-controls.css';

/** Pending, snoozed (until when) and a priority above none, as small badges; nothing for open ones. */
export function StatusBadges({ conversation }: { conversation: ConversationSummary }) {
  const { status, snoozedUntil, priority = 'none' } = conversation;
  return (
    <>
      {priority !== 'none' ? (
        <span className={`badge priority-badge priority-badge--${priority}`} data-testid="priority-badge">
          {PRIORITY_LABELS[priority]}
        </span>
      ) : null}
      {status === 'pending' ? <span className="badge status-badge--pending">Pending</span> : null}
      {status === 'snoozed' && snoozedUntil ? (
        <span className="badge status-badge--snoozed" title={`Snoozed until ${formatFullTime(snoozedUntil)}`}>
          Until {formatSnoozeTime(snoozedUntil)}
        </span>
      ) : null}
    </>
  );
}
