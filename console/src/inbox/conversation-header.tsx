import type { ConversationSummary } from '@parley/api/protocol';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../api/http.ts';
import { formatVisitorName, shortId } from '../lib/display-names.ts';
import { formatFullTime } from '../lib/format-time.ts';
import { useConsoleStore } from '../realtime/console-store-context.tsx';
import { Avatar } from '../ui/avatar.tsx';
import { ArrowLeftIcon, CheckIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';

export function ConversationHeader({ summary }: { summary: ConversationSummary }) {
  const store = useConsoleStore();
  const [searchParams] = useSearchParams();
  const [isResolving, setIsResolving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { id, visitor, status, assignee, createdAt } = summary;
  const name = formatVisitorName(visitor);
  const isOpen = status === 'open';

  async function handleResolve() {
    setIsResolving(true);
    setError(null);
    try {
      await store.resolve(id);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : 'Could not resolve the conversation. Try again.');
    } finally {
      setIsResolving(false);
    }
  }

  return (
    <header className="conversation__header">
      <Link
        className="icon-button conversation__back"
        to={{ pathname: '/conversations', search: searchParams.toString() }}
        aria-label="Back to conversations"
      >
        <ArrowLeftIcon size={18} />
      </Link>
      <Avatar id={visitor.id} name={visitor.name} size="lg" />
      <div className="conversation__identity">
        <h2 className="conversation__name">{name}</h2>
        <p className="conversation__subtitle">
          {visitor.email ? <span>{visitor.email} · </span> : null}
          <span title={formatFullTime(createdAt)}>#{shortId(id)}</span>
        </p>
      </div>
      <div className="conversation__facts">
        <span
          className={`badge badge--${isOpen ? 'accent' : 'success'}`}
          data-testid="conversation-status"
          data-status={status}
        >
          {isOpen ? 'Open' : 'Resolved'}
        </span>
        <span className="conversation__assignee" data-testid="conversation-assignee">
          {assignee ? (
            <>
              <Avatar id={assignee.id} name={assignee.name} size="sm" />
              <span>{assignee.name}</span>
            </>
          ) : (
            <span className="muted">Unassigned</span>
          )}
        </span>
        {isOpen ? (
          <button
            type="button"
            className="btn btn--secondary"
            onClick={handleResolve}
            disabled={isResolving}
            data-testid="resolve"
          >
            {isResolving ? <Spinner size="sm" /> : <CheckIcon size={16} />}
            {isResolving ? 'Resolving…' : 'Resolve'}
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="conversation__error" role="alert">
          {error}
        </p>
      ) : null}
    </header>
  );
}
