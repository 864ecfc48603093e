import type { ConversationPriority, ConversationStatus, ConversationSummary } from '@parley/api/protocol';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { isApiError } from '../api/http.ts';
import { useConsoleSnapshot, useConsoleStore } from '../realtime/console-store-context.tsx';
import { ChevronDownIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { PRIORITIES, PRIORITY_LABELS } from './status-labels.ts';
import { parseCustomSnooze, snoozeOptions, toLocalInputValue } from './status-snooze-options.ts';
import './status-controls.css';

interface StatusControlsProps {
  summary: ConversationSummary;
  onError(message: string | null): void;
}

/** Priority, Pending / Reopen and the snooze menu (1 h, tomorrow 9:00, next week, a chosen time). */
export function StatusControls({ summary, onError }: StatusControlsProps) {
  const store = useConsoleStore();
  const { connection } = useConsoleSnapshot();
  const [busy, setBusy] = useState<string | null>(null);
  const [isMenuOpen, setIsMenuOpen] = useState(false);
  const [custom, setCustom] = useState('');
  const menuRef = useRef<HTMLDivElement>(null);
  const snoozeButtonRef = useRef<HTMLButtonElement>(null);
  const prioritySelectRef = useRef<HTMLSelectElement>(null);
  const menuId = useId();
  const customId = useId();
  const { id: conversationId, status, priority = 'none' } = summary;
  const canAct = connection === 'live' && busy === null;
  const now = new Date();

  async function run(
    label: string,
    change: { status: ConversationStatus; snoozedUntil?: string } | { priority: ConversationPriority },
  ) {
    setBusy(label);
    onError(null);
    try {
      await store.setStatusOrPriority({ conversationId, ...change });
      setIsMenuOpen(false);
    } catch (caught) {
      onError(isApiError(caught) ? caught.message : 'Could not change the conversation. Try again.');
    } finally {
      setBusy(null);
    }
  }

  const snooze = (until: Date) => run('snooze', { status: 'snoozed', snoozedUntil: until.toISOString() });

  useEffect(() => {
    if (!isMenuOpen) return;
    menuRef.current?.querySelector<HTMLElement>('button')?.focus();
    function handlePointer(event: PointerEvent) {
      if (!menuRef.current?.parentElement?.contains(event.target as Node)) setIsMenuOpen(false);
    }
    document.addEventListener('pointerdown', handlePointer);
    return () => document.removeEventListener('pointerdown', handlePointer);
  }, [isMenuOpen]);

  function handleMenuKey(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      setIsMenuOpen(false);
      snoozeButtonRef.current?.focus();
    }
  }

  const customUntil = parseCustomSnooze(custom, now);
  return (
    <div className="status-controls">
      <label className="visually-hidden" htmlFor={`${menuId}-priority`}>
        Priority
      </label>
      <select
        ref={prioritySelectRef}
        id={`${menuId}-priority`}
        className="label-filter__select priority-select"
        value={priority}
        disabled={!canAct}
        onChange={(event) => void run('priority', { priority: event.target.value as ConversationPriority })}
        data-testid="priority-select"
      >
        {PRIORITIES.map((value) => (
          <option key={value} value={value}>
            {PRIORITY_LABELS[value]}
          </option>
        ))}
      </select>
      {status === 'open' ? (
        <button
          type="button"
          className="btn btn--secondary"
          disabled={!canAct}
          onClick={() => void run('pending', { status: 'pending' })}
          data-testid="mark-pending"
        >
          {busy === 'pending' ? <Spinner size="sm" /> : null}
          Pending
        </button>
      ) : null}
      {status === 'pending' || status === 'snoozed' ? (
        <button
          type="button"
          className="btn btn--secondary"
          disabled={!canAct}
          onClick={() => void run('open', { status: 'open' })}
          data-testid="reopen"
        >
          {busy === 'open' ? <Spinner size="sm" /> : null}
          Reopen
        </button>
      ) : null}
      {status !== 'resolved' ? (
        <button
          ref={snoozeButtonRef}
          type="button"
          className="btn btn--secondary"
          disabled={!canAct}
          aria-haspopup="dialog"
          aria-expanded={isMenuOpen}
          aria-controls={isMenuOpen ? menuId : undefined}
          onClick={() => setIsMenuOpen((open) => !open)}
          data-testid="snooze-button"
        >
          {busy === 'snooze' ? <Spinner size="sm" /> : null}
          Snooze
          <ChevronDownIcon size={14} />
        </button>
      ) : null}
      {isMenuOpen ? (
        <div
          className="snooze-menu"
          id={menuId}
          role="dialog"
          aria-label="Snooze until"
          ref={menuRef}
          onKeyDown={handleMenuKey}
          tabIndex={-1}
        >
          {snoozeOptions(now).map((option) => (
            <button
              key={option.id}
              type="button"
              className="snooze-menu__item"
              onClick={() => void snooze(option.until)}
              data-testid={`snooze-${option.id}`}
            >
              <span>{option.label}</span>
              <span className="snooze-menu__hint">
                {option.until.toLocaleString(undefined, { weekday: 'short', hour: 'numeric', minute: '2-digit' })}
              </span>
            </button>
          ))}
          <form
            className="snooze-menu__custom"
            onSubmit={(event) => {
              event.preventDefault();
              if (customUntil) void snooze(customUntil);
            }}
          >
            <label htmlFor={customId}>Until a date and time</label>
            <input
              id={customId}
              type="datetime-local"
              min={toLocalInputValue(now)}
              value={custom}
              onChange={(event) => setCustom(event.target.value)}
              data-testid="snooze-custom-input"
            />
            <button type="submit" className="btn btn--primary" disabled={!customUntil} data-testid="snooze-custom">
              Snooze
            </button>
          </form>
        </div>
      ) : null}
    </div>
  );
}
