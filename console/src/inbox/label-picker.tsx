import type { Label } from '@parley/api/protocol';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../api/http.ts';
import { addConversationLabel, listLabels, removeConversationLabel } from '../api/label-endpoints.ts';
import { CheckIcon, PlusIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { moveActiveOption } from './canned-listbox-keys.ts';
import { LabelChip } from './label-chip.tsx';
import './label-picker.css';

type LabelsState = { status: 'loading' } | { status: 'loaded'; labels: readonly Label[] } | { status: 'error' };

interface LabelPickerProps {
  conversationId: string;
  labels: readonly Label[];
  canManageLabels: boolean;
  onError(message: string | null): void;
}

/**
 * "Add label": a search box over the workspace's labels; ↑/↓ choose, Enter (or a click) puts a label on
 * or takes it off, Escape closes and gives the focus back to the button.
 */
export function LabelPicker({ conversationId, labels, canManageLabels, onError }: LabelPickerProps) {
  const [isOpen, setIsOpen] = useState(false);
  const [all, setAll] = useState<LabelsState>({ status: 'loading' });
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const listboxId = `${id}-labels`;
  const optionId = (index: number) => `${listboxId}-${index}`;
  const onIds = new Set(labels.map((label) => label.id));
  const words = query.trim().toLowerCase();
  const shown = all.status === 'loaded' ? all.labels.filter((label) => label.name.toLowerCase().includes(words)) : [];
  const active = Math.min(activeIndex, shown.length - 1);

  // The workspace's labels, fresh every time the picker opens.
  useEffect(() => {
    if (!isOpen) return;
    let isCurrent = true;
    setAll((current) => (current.status === 'loaded' ? current : { status: 'loading' }));
    listLabels().then(
      ({ labels: loaded }) => isCurrent && setAll({ status: 'loaded', labels: loaded }),
      () => isCurrent && setAll({ status: 'error' }),
    );
    return () => {
      isCurrent = false;
    };
  }, [isOpen, attempt]);

  useEffect(() => {
    if (!isOpen) return;
    const closeOnOutsidePress = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', closeOnOutsidePress);
    return () => document.removeEventListener('pointerdown', closeOnOutsidePress);
  }, [isOpen]);

  function close(returnFocus = true) {
    setIsOpen(false);
    setQuery('');
    setActiveIndex(0);
    if (returnFocus) buttonRef.current?.focus();
  }

  async function toggle(label: Label) {
    if (busyId) return;
    setBusyId(label.id);
    onError(null);
    try {
      if (onIds.has(label.id)) await removeConversationLabel(conversationId, label.id);
      else await addConversationLabel(conversationId, label.id);
    } catch (error) {
      onError(
        isApiError(error, 'label/not_found')
          ? `The label ${label.name} was deleted meanwhile.`
          : isApiError(error)
            ? error.message
            : 'Could not change the labels. Try again.',
      );
      if (isApiError(error, 'label/not_found')) setAttempt((count) => count + 1);
    } finally {
      setBusyId(null);
    }
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    }
    if (event.key === 'Tab') {
      close(false);
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const moved = moveActiveOption(event.key, active, shown.length);
      if (moved !== null) setActiveIndex(moved);
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      const label = shown[active];
      if (label) void toggle(label);
    }
  }

  return (
    <div className="label-picker" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="label-picker__button"
        aria-expanded={isOpen}
        aria-haspopup="listbox"
        onClick={() => (isOpen ? close() : setIsOpen(true))}
        data-testid="label-add"
      >
        <PlusIcon size={12} /> {labels.length === 0 ? 'Add label' : 'Label'}
      </button>
      {isOpen ? (
        <div className="label-picker__popover" data-testid="label-picker">
          <input
            className="label-picker__search"
            type="text"
            role="combobox"
            aria-label="Find a label"
            aria-expanded="true"
            aria-controls={listboxId}
            aria-autocomplete="list"
            aria-activedescendant={shown[active] ? optionId(active) : undefined}
            placeholder="Find a label…"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActiveIndex(0);
            }}
            onKeyDown={handleKeyDown}
            // biome-ignore lint/a11y/noAutofocus: opening the picker is asking to type in it
            autoFocus
            data-testid="label-search"
          />
          <div
            className="label-picker__list"
            id={listboxId}
            role="listbox"
            aria-label="Labels"
            aria-multiselectable="true"
          >
            {shown.map((label, index) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the search box's keys (↑ ↓ Enter) choose options
              <div
                key={label.id}
                id={optionId(index)}
                role="option"
                tabIndex={-1}
                aria-selected={onIds.has(label.id)}
                className="label-picker__option"
                data-active={index === active}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => void toggle(label)}
                onMouseMove={() => index !== active && setActiveIndex(index)}
                data-testid="label-option"
                data-label-id={label.id}
              >
                <span className="label-picker__check" aria-hidden="true">
                  {busyId === label.id ? <Spinner size="sm" /> : onIds.has(label.id) ? <CheckIcon size={12} /> : null}
                </span>
                <LabelChip label={label} />
              </div>
            ))}
          </div>
          {all.status === 'loading' ? (
            <p className="label-picker__note">
              <Spinner size="sm" /> Loading labels…
            </p>
          ) : all.status === 'error' ? (
            <p className="label-picker__note" role="alert">
              Could not load the labels.
              <button type="button" className="btn btn--ghost btn--sm" onClick={() => setAttempt((n) => n + 1)}>
                Try again
              </button>
            </p>
          ) : all.labels.length === 0 ? (
            <p className="label-picker__note">
              {canManageLabels ? (
                <span>
                  No labels yet. <Link to="/settings/labels">Create labels</Link>
                </span>
              ) : (
                'No labels yet. Owners and admins create them in the settings.'
              )}
            </p>
          ) : shown.length === 0 ? (
            <p className="label-picker__note">No label matches “{query.trim()}”.</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
