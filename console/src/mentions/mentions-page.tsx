import type { Mention } from '@parley/api/protocol';
import { Link } from 'react-router';
import { formatVisitorName } from '../lib/display-names.ts';
import { formatFullTime } from '../lib/format-time.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { AlertIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { AtIcon } from './at-icon.tsx';
import { markRead, reloadMentions, useMentionState } from './mention-state.ts';
import './mentions.css';

/** `/mentions`: the notes that named the agent, unread first; each opens the conversation at that note. */
export function MentionsPage() {
  const { status, mentions, unreadCount } = useMentionState();
  return (
    <main className="page mentions-page" data-testid="mentions-page" data-state={status}>
      <header className="page__header mentions-page__header">
        <div>
          <h1 className="page__title">Mentions</h1>
          <p className="page__lead">Internal notes where a teammate asked for you with @.</p>
        </div>
        {unreadCount > 0 ? (
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => void markRead()}
            data-testid="mentions-read-all"
          >
            Mark all as read
          </button>
        ) : null}
      </header>
      <section className="card mentions-card" aria-label="Mentions" aria-busy={status === 'loading'}>
        {mentions.length > 0 ? (
          <ul className="mentions-list">
            {mentions.map((mention) => (
              <MentionRow key={mention.id} mention={mention} />
            ))}
          </ul>
        ) : status === 'loading' || status === 'idle' ? (
          <div className="mentions-card__loading">
            <Spinner label="Loading mentions" />
          </div>
        ) : status === 'error' ? (
          <EmptyState
            icon={<AlertIcon size={24} />}
            title="Could not load mentions"
            action={
              <button type="button" className="btn btn--secondary" onClick={() => void reloadMentions()}>
                Try again
              </button>
            }
          />
        ) : (
          <div data-testid="mentions-empty">
            <EmptyState icon={<AtIcon size={24} />} title="No mentions yet">
              When a teammate writes @{'{your name}'} in an internal note, it shows up here.
            </EmptyState>
          </div>
        )}
      </section>
    </main>
  );
}

function MentionRow({ mention }: { mention: Mention }) {
  const isUnread = mention.readAt === null;
  const visitor = formatVisitorName({ id: mention.visitorId, name: mention.visitorName, email: null });
  const to = `/conversations/${encodeURIComponent(mention.conversationId)}?${new URLSearchParams({ at: String(mention.seq) })}`;
  return (
    <li className={`mention-row${isUnread ? ' mention-row--unread' : ''}`} data-testid="mention" data-unread={isUnread}>
      <Link
        className="mention-row__link"
        to={to}
        onClick={() => void markRead([mention.id])}
        data-testid="mention-link"
      >
        <span className="mention-row__dot" aria-hidden="true" />
        <span className="mention-row__text">
          <span className="mention-row__title">
            <strong>{mention.author?.name ?? 'A former teammate'}</strong> mentioned you in a note on{' '}
            <strong>{visitor}</strong>
            {isUnread ? <span className="visually-hidden"> (unread)</span> : null}
          </span>
          <span className="mention-row__excerpt">{mention.excerpt}</span>
        </span>
        <time className="mention-row__time" dateTime={mention.createdAt} title={formatFullTime(mention.createdAt)}>
          {formatWhen(mention.createdAt)}
        </time>
      </Link>
    </li>
  );
}

function formatWhen(iso: string): string {
  const date = new Date(iso);
  const isToday = date.toDateString() === new Date().toDateString();
  return isToday
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}
