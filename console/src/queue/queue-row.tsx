import { Link } from 'react-router';
import { formatVisitorName } from '../lib/display-names.ts';
import { formatFullTime } from '../lib/format-time.ts';
import { formatWaitDuration } from '../lib/format-wait.ts';
import type { QueuedConversation } from '../realtime/queue-state.ts';
import { Avatar } from '../ui/avatar.tsx';
import { ClockIcon, HandIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';

interface QueueRowProps {
  row: QueuedConversation;
  now: Date;
  isTaking: boolean;
  isDisabled: boolean;
  error: string | null;
  onTake(): void;
}

// Names, emails and message text are React text children only: never HTML.

/** One waiting conversation: its place, who waits and what they wrote, how long, and Take. */
export function QueueRow({ row, now, isTaking, isDisabled, error, onTake }: QueueRowProps) {
  const { summary } = row;
  const since = row.queuedAt ?? summary?.createdAt ?? null;
  const name = summary ? formatVisitorName(summary.visitor) : null;
  const errorId = `queue-row-error-${row.id}`;

  return (
    <li className="queue-row" data-testid="queue-row" data-conversation-id={row.id} data-position={row.position}>
      <span className="queue-row__position" aria-hidden="true">
        {row.position}
      </span>
      {summary ? (
        <Avatar id={summary.visitor.id} name={summary.visitor.name} />
      ) : (
        <span className="skeleton skeleton--circle" />
      )}
      <div className="queue-row__body">
        <div className="queue-row__top">
          {name ? (
            <Link className="queue-row__name" to={`/conversations/${row.id}`} title="Open without taking it">
              {name}
            </Link>
          ) : (
            <span className="skeleton skeleton--line queue-row__name-skeleton" />
          )}
          {summary?.visitor.email ? (
            <span className="queue-row__email" data-testid="queue-row-email">
              {summary.visitor.email}
            </span>
          ) : null}
        </div>
        <p className="queue-row__preview">
          {summary?.lastMessage ? (
            summary.lastMessage.body
          ) : (
            <span className="queue-row__placeholder">{summary ? 'No messages yet' : 'Loading…'}</span>
          )}
        </p>
        {error ? (
          <p className="queue-row__error" id={errorId} role="alert">
            {error}
          </p>
        ) : null}
      </div>
      {since ? (
        <span className="queue-row__wait" data-testid="queue-row-wait">
          <ClockIcon size={14} />
          <time dateTime={since} title={`In the queue since ${formatFullTime(since)}`}>
            waiting {formatWaitDuration(since, now)}
          </time>
        </span>
      ) : null}
      <button
        type="button"
        className="btn btn--primary btn--sm queue-row__take"
        onClick={onTake}
        disabled={isDisabled}
        aria-describedby={error ? errorId : undefined}
        aria-label={name ? `Take the conversation with ${name}` : 'Take this conversation'}
        data-testid="take"
      >
        {isTaking ? <Spinner size="sm" /> : <HandIcon size={14} />}
        {isTaking ? 'Taking…' : 'Take'}
      </button>
    </li>
  );
}
