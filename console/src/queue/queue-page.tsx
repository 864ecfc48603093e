import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/http.ts';
import { useAppData } from '../app/use-app-data.ts';
import { formatWaitDuration } from '../lib/format-wait.ts';
import { useNow } from '../lib/use-now.ts';
import { useConsoleSnapshot, useConsoleStore } from '../realtime/console-store-context.tsx';
import {
  type InboxRef,
  pickInbox,
  type RoutingMode,
  selectQueuedConversations,
  selectQueueTotals,
} from '../realtime/queue-state.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { CheckIcon, QueueIcon } from '../ui/icons.tsx';
import { QueueRow } from './queue-row.tsx';
import './queue.css';

const MODE_COPY: Record<RoutingMode, { label: string; lead: string }> = {
  manual: {
    label: 'Manual',
    lead: 'Routing is manual in this inbox: new conversations wait here, oldest first, until someone takes them.',
  },
  auto: {
    label: 'Automatic',
    lead: 'Conversations wait here only while no agent is available (online, not away, under capacity). The next free agent gets the one at the top.',
  },
  off: {
    label: 'Off',
    lead: 'Routing is off in this inbox: nobody is assigned automatically. Take conversations from here.',
  },
};

/** One inbox's queue: who waits, in order, for how long, with a Take button each. */
export function QueuePage() {
  const { inboxId } = useParams();
  const store = useConsoleStore();
  const { queues } = useConsoleSnapshot();
  const inbox = pickInbox(queues, inboxId);

  // Fresh inboxes (names, routing mode) and order on every visit; live summaries keep them current.
  useEffect(() => {
    void inboxId;
    void store.loadQueues();
  }, [store, inboxId]);

  if (!inbox) {
    if (queues.status === 'loaded') {
      return (
        <main className="page page--center">
          <EmptyState
            icon={<QueueIcon size={24} />}
            title={inboxId ? 'Inbox not found' : 'No inboxes yet'}
            action={
              <Link className="btn btn--secondary" to="/conversations">
                Back to the inbox
              </Link>
            }
          >
            {inboxId ? 'It may have been removed, or the link is wrong.' : 'Create an inbox to start receiving chats.'}
          </EmptyState>
        </main>
      );
    }
    if (queues.status === 'error') {
      return (
        <main className="page page--center">
          <EmptyState
            title="Could not load the queue"
            action={
              <button type="button" className="btn btn--secondary" onClick={() => void store.loadQueues()}>
                Try again
              </button>
            }
          >
            Check your connection and try again.
          </EmptyState>
        </main>
      );
    }
    return (
      <main className="page queue-page" aria-busy="true">
        <QueueHeader inbox={null} isOnlyInbox />
        <section className="card queue-list">
          <QueueSkeleton />
        </section>
      </main>
    );
  }
  return <InboxQueueView key={inbox.id} inbox={inbox} isOnlyInbox={queues.inboxes.length <= 1} />;
}

function InboxQueueView({ inbox, isOnlyInbox }: { inbox: InboxRef; isOnlyInbox: boolean }) {
  const store = useConsoleStore();
  const navigate = useNavigate();
  const { me } = useAppData();
  const { queues, cache, connection } = useConsoleSnapshot();
  const now = useNow();
  const [takingId, setTakingId] = useState<string | null>(null);
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const queue = queues.byInbox.get(inbox.id);
  const rows = useMemo(() => selectQueuedConversations(queues, cache, inbox.id), [queues, cache, inbox.id]);
  const totals = selectQueueTotals(queues, inbox.id);

  async function handleTake(conversationId: string) {
    setTakingId(conversationId);
    setErrors((current) => withoutKey(current, conversationId));
    try {
      await store.assign(conversationId, me.user.id, { onlyIfUnassigned: true });
      navigate({ pathname: `/conversations/${conversationId}`, search: '?status=mine' });
    } catch (error) {
      setErrors((current) => new Map(current).set(conversationId, describeTakeError(error)));
      setTakingId(null);
    }
  }

  const waitingLabel = totals.oldestQueuedAt ? formatWaitDuration(totals.oldestQueuedAt, now) : '—';
  const mode = MODE_COPY[inbox.routingMode];

  return (
    <main className="page queue-page" data-testid="queue-page" data-inbox-id={inbox.id}>
      <QueueHeader inbox={inbox} isOnlyInbox={isOnlyInbox} />

      <dl className="queue-stats">
        <div className="queue-stat">
          <dt className="queue-stat__label">Waiting</dt>
          <dd className="queue-stat__value" data-testid="queue-length">
            {totals.length}
          </dd>
        </div>
        <div className="queue-stat">
          <dt className="queue-stat__label">Longest wait</dt>
          <dd
            className={`queue-stat__value${totals.length > 0 ? ' queue-stat__value--wait' : ''}`}
            data-testid="queue-longest-wait"
          >
            {totals.length > 0 ? waitingLabel : '—'}
          </dd>
        </div>
        <div className="queue-stat">
          <dt className="queue-stat__label">Routing</dt>
          <dd className="queue-stat__value queue-stat__value--text" data-testid="queue-routing-mode">
            {mode.label}
          </dd>
        </div>
      </dl>

      <section className="card queue-list" aria-labelledby="queue-list-title">
        <header className="queue-list__header">
          <h2 className="queue-list__title" id="queue-list-title">
            Waiting conversations
          </h2>
          <span className="queue-list__hint">In queue order</span>
        </header>
        {rows && rows.length > 0 ? (
          <ol className="queue-list__items" aria-labelledby="queue-list-title">
            {rows.map((row) => (
              <QueueRow
                key={row.id}
                row={row}
                now={now}
                isTaking={takingId === row.id}
                isDisabled={takingId !== null || connection !== 'live'}
                error={errors.get(row.id) ?? null}
                onTake={() => void handleTake(row.id)}
              />
            ))}
          </ol>
        ) : rows ? (
          <EmptyState icon={<CheckIcon size={24} />} title="Nobody is waiting">
            {inbox.routingMode === 'auto'
              ? 'Every conversation has an agent. Visitors who write while everyone is busy or away wait here.'
              : 'New conversations appear here the moment a visitor writes, oldest first.'}
          </EmptyState>
        ) : queue?.status === 'error' ? (
          <EmptyState
            title="Could not load the queue"
            action={
              <button type="button" className="btn btn--secondary" onClick={() => void store.loadQueue(inbox.id)}>
                Try again
              </button>
            }
          >
            Check your connection and try again.
          </EmptyState>
        ) : (
          <QueueSkeleton />
        )}
      </section>
    </main>
  );
}

function QueueHeader({ inbox, isOnlyInbox }: { inbox: InboxRef | null; isOnlyInbox: boolean }) {
  return (
    <header className="page__header">
      {inbox && !isOnlyInbox ? <p className="page__eyebrow">{inbox.name}</p> : null}
      <h1 className="page__title">Queue</h1>
      <p className="page__lead">{inbox ? MODE_COPY[inbox.routingMode].lead : 'Loading the queue…'}</p>
    </header>
  );
}

function QueueSkeleton() {
  return (
    <ul className="queue-list__items" aria-busy="true" aria-label="Loading the queue">
      {[0, 1, 2].map((index) => (
        <li key={index} className="queue-row queue-row--skeleton">
          <span className="skeleton skeleton--line queue-row__skeleton-position" />
          <span className="skeleton skeleton--circle" />
          <span className="queue-row__skeleton-lines">
            <span className="skeleton skeleton--line" style={{ width: '40%' }} />
            <span className="skeleton skeleton--line" style={{ width: '70%' }} />
          </span>
        </li>
      ))}
    </ul>
  );
}

function describeTakeError(error: unknown): string {
  if (isApiError(error, 'member/not_found')) {
    return 'You do not answer this inbox yet. An owner or admin can add you in the settings.';
  }
  if (isApiError(error, 'conversation/resolved')) return 'This conversation was resolved meanwhile.';
  if (isApiError(error, 'conversation/not_found')) return 'This conversation no longer exists.';
  if (isApiError(error)) return error.message;
  return 'Could not take the conversation. Try again.';
}

function withoutKey(map: ReadonlyMap<string, string>, key: string): ReadonlyMap<string, string> {
  if (!map.has(key)) return map;
  const next = new Map(map);
  next.delete(key);
  return next;
}
