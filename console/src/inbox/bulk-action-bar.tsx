import type { BulkAction, ConversationPriority } from '@parley/api/protocol';
import { useState } from 'react';
import { isApiError } from '../api/http.ts';
import { CheckIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { BulkAssignLabel } from './bulk-assign-label.tsx';
import { applyBulk } from './bulk-endpoint.ts';
import { describeBulkResults } from './bulk-results.ts';
import { PRIORITIES, PRIORITY_LABELS } from './status-labels.ts';
import { snoozeOptions } from './status-snooze-options.ts';

interface BulkActionBarProps {
  ids: readonly string[];
  onDone(): void;
  onSelectAll(): void;
}

/** What can be done to every selected conversation at once: resolve, pending, snooze, priority, assign, label. */
export function BulkActionBar({ ids, onDone, onSelectAll }: BulkActionBarProps) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function run(action: BulkAction, verb = 'changed') {
    setBusy(true);
    setMessage(null);
    try {
      const { results } = await applyBulk(ids, action);
      const summary = describeBulkResults(results, verb);
      if (summary) setMessage(`${summary}.`);
      else onDone();
    } catch (caught) {
      setMessage(isApiError(caught) ? caught.message : 'Could not change the conversations. Try again.');
    } finally {
      setBusy(false);
    }
  }

  const count = ids.length;
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Bulk actions" data-testid="bulk-bar">
      <span className="bulk-bar__count" aria-live="polite" data-testid="bulk-count">
        {busy ? <Spinner size="sm" /> : null} {count} selected
      </span>
      <button type="button" className="btn btn--ghost btn--sm" onClick={onSelectAll} disabled={busy}>
        Select all
      </button>
      <button
        type="button"
        className="btn btn--ghost btn--sm"
        onClick={onDone}
        disabled={busy}
        data-testid="bulk-clear"
      >
        Clear
      </button>
      <div className="bulk-bar__actions">
        <button
          type="button"
          className="btn btn--secondary btn--sm"
          disabled={busy}
          onClick={() => void run({ type: 'status', status: 'resolved' })}
          data-testid="bulk-resolve"
        >
          <CheckIcon size={14} /> Resolve
        </button>
        <button
          type="button"
          className="btn btn--secondary btn--sm"
          disabled={busy}
          onClick={() => void run({ type: 'status', status: 'pending' })}
          data-testid="bulk-pending"
        >
          Pending
        </button>
        <select
          className="label-filter__select"
          aria-label="Snooze selected"
          value=""
          disabled={busy}
          onChange={(event) => {
            const option = snoozeOptions(new Date()).find((choice) => choice.id === event.target.value);
            if (option) void run({ type: 'status', status: 'snoozed', snoozedUntil: option.until.toISOString() });
          }}
          data-testid="bulk-snooze"
        >
          <option value="">Snooze</option>
          {snoozeOptions(new Date()).map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
        <select
          className="label-filter__select"
          aria-label="Priority of selected"
          value=""
          disabled={busy}
          onChange={(event) => {
            if (event.target.value)
              void run({ type: 'priority', priority: event.target.value as ConversationPriority });
          }}
          data-testid="bulk-priority"
        >
          <option value="">Priority</option>
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {PRIORITY_LABELS[priority]}
            </option>
          ))}
        </select>
        <BulkAssignLabel busy={busy} run={(action, verb) => void run(action, verb)} />
      </div>
      {message ? (
        <p className="conversation__error" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}
