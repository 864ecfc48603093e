import type { RoutingDecisionList } from '@parley/api/protocol';
import { type MouseEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { isApiError } from '../api/http.ts';
import { getRoutingDecisions } from '../api/routing-endpoints.ts';
import { formatClockTime, formatFullTime, formatRelativeTime } from '../lib/format-time.ts';
import { useNow } from '../lib/use-now.ts';
import { Avatar } from '../ui/avatar.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { CloseIcon, RouteIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import {
  type CandidateAvailability,
  type CandidateView,
  type DecisionView,
  describeStanding,
  formatLoad,
  toDecisionViews,
} from './routing-log.ts';
import '../shell/presence.css';
import './routing.css';

type LoadState =
  | { status: 'loading' }
  | { status: 'loaded'; decisions: RoutingDecisionList['decisions'] }
  | { status: 'forbidden' }
  | { status: 'error'; message: string };

interface RoutingLogDrawerProps {
  conversationId: string;
  /** Changes when the conversation is assigned, returned or resolved: the log is read again. */
  refreshKey: string;
  onClose(): void;
}

const AVAILABILITY_LABELS: Record<CandidateAvailability, string> = {
  online: 'Online',
  away: 'Away',
  offline: 'Offline',
  unknown: 'Unknown',
};

/**
 * "Why this agent?": every routing decision of the conversation, newest first, with each candidate's
 * standing at that moment. A modal side panel (native <dialog>: focus stays inside, Escape closes).
 */
export function RoutingLogDrawer({ conversationId, refreshKey, onClose }: RoutingLogDrawerProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const now = useNow();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // Read again when the conversation moved (refreshKey) or on "Try again" (attempt).
  useEffect(() => {
    void refreshKey;
    void attempt;
    let isCurrent = true;
    getRoutingDecisions(conversationId).then(
      ({ decisions }) => isCurrent && setState({ status: 'loaded', decisions }),
      (error: unknown) => {
        if (!isCurrent) return;
        if (isApiError(error) && error.status === 403) setState({ status: 'forbidden' });
        else setState({ status: 'error', message: isApiError(error) ? error.message : 'Something went wrong.' });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [conversationId, refreshKey, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((count) => count + 1);
  }, []);

  const views = useMemo(() => (state.status === 'loaded' ? toDecisionViews(state.decisions) : []), [state]);

  function handleBackdropClick(event: MouseEvent<HTMLDialogElement>) {
    // A click on the dialog element itself (not its panel) is a click on the backdrop.
    if (event.target === dialogRef.current) onClose();
  }

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape closes the dialog natively (the cancel event)
    <dialog
      ref={dialogRef}
      className="drawer"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={handleBackdropClick}
      data-testid="routing-log"
    >
      <div className="drawer__panel">
        <header className="drawer__header">
          <span className="drawer__icon" aria-hidden="true">
            <RouteIcon size={18} />
          </span>
          <div className="drawer__heading">
            <h2 className="drawer__title" id={titleId}>
              Why this agent?
            </h2>
            <p className="drawer__lead">Every routing decision for this conversation, newest first.</p>
          </div>
          <button
            type="button"
            className="icon-button"
            onClick={onClose}
            aria-label="Close"
            data-testid="routing-log-close"
          >
            <CloseIcon size={18} />
          </button>
        </header>

        <div className="drawer__body">
          {state.status === 'loading' ? (
            <div className="drawer__center">
              <Spinner label="Loading the routing log" />
            </div>
          ) : state.status === 'forbidden' ? (
            <EmptyState title="Owners and admins only">
              Ask an owner or admin why this conversation went where it did.
            </EmptyState>
          ) : state.status === 'error' ? (
            <EmptyState
              title="Could not load the routing log"
              action={
                <button type="button" className="btn btn--secondary" onClick={retry}>
                  Try again
                </button>
              }
            >
              {state.message}
            </EmptyState>
          ) : views.length === 0 ? (
            <EmptyState icon={<RouteIcon size={24} />} title="No routing decisions yet">
              Decisions appear here when the conversation is queued, assigned or handed back.
            </EmptyState>
          ) : (
            <ol className="decision-list">
              {views.map((view, index) => (
                <DecisionItem key={view.key} view={view} isLatest={index === 0} now={now} />
              ))}
            </ol>
          )}
        </div>
      </div>
    </dialog>
  );
}

function DecisionItem({ view, isLatest, now }: { view: DecisionView; isLatest: boolean; now: Date }) {
  return (
    <li className={`decision decision--${view.outcome}`} data-testid="routing-decision" data-outcome={view.outcome}>
      <span className="decision__marker" aria-hidden="true" />
      <div className="decision__card">
        <div className="decision__head">
          <span className={`badge decision__badge decision__badge--${view.outcome}`}>{view.outcomeLabel}</span>
          {view.agent && view.agentLabel ? (
            <span className="decision__agent">
              <Avatar id={view.agent.id} name={view.agent.name} size="sm" />
              <span>{view.agentLabel}</span>
            </span>
          ) : null}
          {isLatest ? <span className="decision__latest">Latest</span> : null}
          <time className="decision__time" dateTime={view.decidedAt} title={formatFullTime(view.decidedAt)}>
            {formatClockTime(view.decidedAt)} · {formatAgo(view.decidedAt, now)}
          </time>
        </div>
        <p className="decision__reason" data-testid="routing-decision-reason">
          {view.reason}
        </p>
        {view.candidates.length > 0 ? (
          <CandidateTable candidates={view.candidates} now={now} />
        ) : view.outcome !== 'returned' ? (
          <p className="decision__note">
            {view.outcome === 'assigned'
              ? 'Picked by hand: no other agents were compared.'
              : 'No agents were compared for this decision.'}
          </p>
        ) : null}
      </div>
    </li>
  );
}

function CandidateTable({ candidates, now }: { candidates: readonly CandidateView[]; now: Date }) {
  return (
    <div className="candidates">
      <table className="candidates__table">
        <caption className="visually-hidden">Agents considered and how each stood</caption>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Presence</th>
            <th scope="col" className="candidates__numeric">
              Open / capacity
            </th>
            <th scope="col">Last assigned</th>
            <th scope="col">Standing</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((candidate, index) => (
            <tr
              key={candidate.userId ?? `${candidate.name}-${index}`}
              className={candidate.isChosen ? 'candidates__row--chosen' : undefined}
              data-testid="routing-candidate"
            >
              <th scope="row" className="candidates__name">
                {candidate.name}
              </th>
              <td>
                <span className="candidates__presence">
                  <span
                    className={`presence-dot presence-dot--${candidate.availability === 'unknown' ? 'offline' : candidate.availability}`}
                    aria-hidden="true"
                  />
                  {AVAILABILITY_LABELS[candidate.availability]}
                </span>
              </td>
              <td className="candidates__numeric">{formatLoad(candidate)}</td>
              <td>
                {candidate.lastAssignedAt ? (
                  <time dateTime={candidate.lastAssignedAt} title={formatFullTime(candidate.lastAssignedAt)}>
                    {formatAgo(candidate.lastAssignedAt, now)}
                  </time>
                ) : (
                  <span className="muted">Never</span>
                )}
              </td>
              <td>
                <span
                  className={`candidates__standing candidates__standing--${candidate.isChosen ? 'chosen' : candidate.ineligibility ? 'ineligible' : 'eligible'}`}
                >
                  {describeStanding(candidate)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "just now", "5m ago", "3h ago", "Yesterday", "Mar 4". */
function formatAgo(iso: string, now: Date): string {
  const relative = formatRelativeTime(iso, now);
  if (relative === 'now') return 'just now';
  return /^\d/.test(relative) ? `${relative} ago` : relative;
}
