import { NavLink } from 'react-router';
import { formatWaitDuration, formatWaitShort } from '../lib/format-wait.ts';
import { useNow } from '../lib/use-now.ts';
import { useConsoleSnapshot } from '../realtime/console-store-context.tsx';
import { type InboxRef, selectQueueTotals } from '../realtime/queue-state.ts';
import { QueueIcon } from '../ui/icons.tsx';
import './queue.css';

/**
 * The sidebar's queue entries: one "Queue" link, or one per inbox when there are several, each with
 * how many wait and for how long the first of them has, live from `queue.summary`.
 */
export function QueueNavLinks() {
  const { queues } = useConsoleSnapshot();
  if (queues.inboxes.length <= 1) {
    return <QueueNavLink inbox={queues.inboxes[0] ?? null} label="Queue" isPerInbox={false} />;
  }
  return (
    <div className="sidebar__group">
      <span className="sidebar__group-label" aria-hidden="true">
        Queues
      </span>
      {queues.inboxes.map((inbox) => (
        <QueueNavLink key={inbox.id} inbox={inbox} label={inbox.name} isPerInbox />
      ))}
    </div>
  );
}

interface QueueNavLinkProps {
  inbox: InboxRef | null;
  label: string;
  /** Labelled with the inbox's name: screen readers also hear "queue". */
  isPerInbox: boolean;
}

function QueueNavLink({ inbox, label, isPerInbox }: QueueNavLinkProps) {
  const { queues } = useConsoleSnapshot();
  const now = useNow();
  const totals = inbox ? selectQueueTotals(queues, inbox.id) : { length: 0, oldestQueuedAt: null };
  const hasWaiting = totals.length > 0;
  const longest = totals.oldestQueuedAt ? formatWaitDuration(totals.oldestQueuedAt, now) : null;
  const longestShort = totals.oldestQueuedAt ? formatWaitShort(totals.oldestQueuedAt, now) : null;

  // The visible text is short ("Queue · Longest 3m · 2"); screen readers hear it in words instead.
  return (
    <NavLink
      to={inbox ? `/queue/${inbox.id}` : '/queue'}
      className="sidebar__link sidebar__link--queue"
      data-testid="nav-queue"
      data-inbox-id={inbox?.id}
      data-length={totals.length}
    >
      <QueueIcon size={18} />
      <span className="sidebar__link-text">
        <span className="sidebar__link-label" title={label}>
          {label}
          {isPerInbox ? <span className="visually-hidden"> queue</span> : null}
        </span>
        {hasWaiting && longestShort ? (
          <span className="sidebar__link-detail" aria-hidden="true" data-testid="nav-queue-wait">
            Longest {longestShort}
          </span>
        ) : null}
      </span>
      {hasWaiting ? (
        <span className="sidebar__count" aria-hidden="true" data-testid="nav-queue-count">
          {totals.length > 99 ? '99+' : totals.length}
        </span>
      ) : null}
      {inbox ? (
        <span className="visually-hidden">
          {hasWaiting ? `, ${totals.length} waiting${longest ? `, longest wait ${longest}` : ''}` : ', nobody waiting'}
        </span>
      ) : null}
    </NavLink>
  );
}
