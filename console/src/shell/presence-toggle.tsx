import { useId, useState } from 'react';
import { isApiError } from '../api/http.ts';
import { useConsoleSnapshot, useConsoleStore } from '../realtime/console-store-context.tsx';
import { type PresenceStatus, selectShownStatus } from '../realtime/team-state.ts';
import './presence.css';

const OPTIONS: readonly { value: PresenceStatus; label: string }[] = [
  { value: 'online', label: 'Online' },
  { value: 'away', label: 'Away' },
];

/**
 * The agent's own status: Online takes new conversations, Away keeps the current ones and gets no new
 * ones. Two native radio buttons (arrow keys move between them), stored with `presence.set`.
 */
export function PresenceToggle() {
  const store = useConsoleStore();
  const { team, connection } = useConsoleSnapshot();
  const [error, setError] = useState<string | null>(null);
  const name = useId();
  const shown = selectShownStatus(team);
  const isBusy = team.pendingStatus !== null;
  const isOffline = connection !== 'live';

  async function choose(status: PresenceStatus) {
    if (status === shown) return;
    setError(null);
    try {
      await store.setPresence(status);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : 'Could not change your status. Try again.');
    }
  }

  return (
    <div className="status-toggle" data-testid="presence" data-status={shown}>
      <fieldset className="status-toggle__toggle" aria-describedby={`${name}-note`} disabled={isOffline}>
        <legend className="status-toggle__legend">Your status</legend>
        <div className="status-toggle__options">
          {OPTIONS.map((option) => (
            <label
              key={option.value}
              title={option.value === 'away' ? 'Away: no new conversations' : 'Online: take new conversations'}
              className={`status-toggle__option status-toggle__option--${option.value}`}
              data-testid={`presence-${option.value}`}
            >
              <input
                type="radio"
                className="status-toggle__input"
                name={name}
                value={option.value}
                checked={shown === option.value}
                onChange={() => void choose(option.value)}
                aria-busy={isBusy && shown === option.value ? true : undefined}
              />
              <span className={`presence-dot presence-dot--${option.value}`} aria-hidden="true" />
              <span className="status-toggle__text">{option.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="status-toggle__note" id={`${name}-note`} aria-live="polite">
        {error ? (
          <span className="status-toggle__error">{error}</span>
        ) : shown === 'away' ? (
          'You get no new conversations while away.'
        ) : isOffline ? (
          'Reconnecting…'
        ) : (
          'New conversations can be routed to you.'
        )}
      </p>
    </div>
  );
}
