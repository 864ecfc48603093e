import type { ConversationSummary } from '@parley/api/protocol';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../api/http.ts';
import { getConversationLabels } from '../api/label-endpoints.ts';
import { useAppData } from '../app/use-app-data.ts';
import { formatVisitorName, shortId } from '../lib/display-names.ts';
import { formatFullTime } from '../lib/format-time.ts';
import { formatWaitDuration } from '../lib/format-wait.ts';
import { useNow } from '../lib/use-now.ts';
import { useConsoleSnapshot, useConsoleStore } from '../realtime/console-store-context.tsx';
import { findQueuePosition } from '../realtime/queue-state.ts';
import { RoutingLogDrawer } from '../routing/routing-log-drawer.tsx';
import { Avatar } from '../ui/avatar.tsx';
import { ArrowLeftIcon, CheckIcon, HandIcon, RouteIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { AssignMenu } from './assign-menu.tsx';
import { LabelChip } from './label-chip.tsx';
import { LabelPicker } from './label-picker.tsx';
import { useRefreshWhileVisible } from './label-refresh.ts';
import { useConversationLabels } from './label-store.ts';
import { ParticipantsBar } from './participants-bar.tsx';
import { StatusControls } from './status-controls.tsx';
import { STATUS_LABELS } from './status-labels.ts';
import { TeamMenu } from './team-menu.tsx';
import { ViewersBar } from './viewers-bar.tsx';

export function ConversationHeader({ summary }: { summary: ConversationSummary }) {
  const store = useConsoleStore();
  const { me } = useAppData();
  const { queues, cache, connection } = useConsoleSnapshot();
  const now = useNow();
  const [searchParams] = useSearchParams();
  const [busy, setBusy] = useState<'resolve' | 'take' | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Commands travel on the socket: while it (re)connects they would only fail.
  const canAct = connection === 'live' && busy === null;
  const offlineTitle = connection === 'live' ? undefined : 'Reconnecting…';
  const [isLogOpen, setIsLogOpen] = useState(false);
  const logButtonRef = useRef<HTMLButtonElement>(null);
  const { id, visitor, status, assignee, createdAt, inboxId } = summary;
  const name = formatVisitorName(visitor);
  const isOpen = status === 'open';
  const canSeeRouting = me.role === 'owner' || me.role === 'admin';
  const queued = isOpen && !assignee ? findQueuePosition(queues, cache, inboxId, id) : null;
  const labels = useConversationLabels(id);

  // Labels change without a seq: read them on opening, and again whenever this window comes back.
  const refreshLabels = () => void getConversationLabels(id).catch(() => {});
  useEffect(refreshLabels, [id]);
  useRefreshWhileVisible(refreshLabels);

  async function handleResolve() {
    setBusy('resolve');
    setError(null);
    try {
      await store.resolve(id);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : 'Could not resolve the conversation. Try again.');
    } finally {
      setBusy(null);
    }
  }

  async function handleTake() {
    setBusy('take');
    setError(null);
    try {
      await store.assign(id, me.user.id, { onlyIfUnassigned: true });
    } catch (caught) {
      setError(
        isApiError(caught, 'member/not_found')
          ? 'You do not answer this inbox yet. An owner or admin can add you in the settings.'
          : isApiError(caught)
            ? caught.message
            : 'Could not take the conversation. Try again.',
      );
    } finally {
      setBusy(null);
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
          {visitor.email ? (
            <>
              <span className="conversation__email" data-testid="visitor-email">
                {visitor.email}
              </span>
              <span aria-hidden="true"> · </span>
            </>
          ) : null}
          <span title={formatFullTime(createdAt)}>#{shortId(id)}</span>
          {queued ? (
            <>
              <span aria-hidden="true"> · </span>
              <span
                className="conversation__queued"
                data-testid="conversation-queue-position"
                title={queued.queuedAt ? `In the queue since ${formatFullTime(queued.queuedAt)}` : undefined}
              >
                #{queued.position} in queue
                {queued.queuedAt ? ` · waiting ${formatWaitDuration(queued.queuedAt, now)}` : ''}
              </span>
            </>
          ) : null}
        </p>
        <ul className="label-bar" aria-label="Labels" data-testid="conversation-labels">
          {labels.map((label) => (
            <li key={label.id}>
              <LabelChip label={label} />
            </li>
          ))}
          <li>
            <LabelPicker conversationId={id} labels={labels} canManageLabels={canSeeRouting} onError={setError} />
          </li>
        </ul>
      </div>
      <div className="conversation__facts">
        <ViewersBar conversationId={id} />
        <span
          className={`badge badge--${status === 'resolved' ? 'success' : 'accent'}`}
          data-testid="conversation-status"
          data-status={status}
        >
          {STATUS_LABELS[status]}
        </span>
        <StatusControls summary={summary} onError={setError} />
        <ParticipantsBar conversationId={id} onError={setError} />
        <TeamMenu summary={summary} onError={setError} />
        <AssignMenu summary={summary} onError={setError} />
        {isOpen && !assignee ? (
          <button
            type="button"
            className="btn btn--primary"
            onClick={handleTake}
            disabled={!canAct}
            title={offlineTitle}
            data-testid="take-conversation"
          >
            {busy === 'take' ? <Spinner size="sm" /> : <HandIcon size={16} />}
            {busy === 'take' ? 'Taking…' : 'Take'}
          </button>
        ) : null}
        {status !== 'resolved' ? (
          <button
            type="button"
            className="btn btn--secondary"
            onClick={handleResolve}
            disabled={!canAct}
            title={offlineTitle}
            data-testid="resolve"
          >
            {busy === 'resolve' ? <Spinner size="sm" /> : <CheckIcon size={16} />}
            {busy === 'resolve' ? 'Resolving…' : 'Resolve'}
          </button>
        ) : null}
        {canSeeRouting ? (
          <button
            ref={logButtonRef}
            type="button"
            className="icon-button"
            onClick={() => setIsLogOpen(true)}
            aria-label="Why this agent? Routing log"
            aria-haspopup="dialog"
            title="Why this agent?"
            data-testid="routing-log-button"
          >
            <RouteIcon size={18} />
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="conversation__error" role="alert">
          {error}
        </p>
      ) : null}
      {isLogOpen ? (
        <RoutingLogDrawer
          conversationId={id}
          refreshKey={`${assignee?.id ?? ''}:${status}`}
          onClose={() => {
            setIsLogOpen(false);
            logButtonRef.current?.focus();
          }}
        />
      ) : null}
    </header>
  );
}
