import type { CannedResponse } from '@parley/api/protocol';
import { Link } from 'react-router';
import { Spinner } from '../ui/spinner.tsx';
import type { CannedSuggestions } from './canned-suggestions.ts';
import './canned-picker.css';

interface CannedPickerProps {
  listboxId: string;
  query: string;
  suggestions: CannedSuggestions;
  activeIndex: number;
  optionId(index: number): string;
  onPick(response: CannedResponse): void;
  onHover(index: number): void;
  onRetry(): void;
}

/**
 * The listbox of canned responses matching the `/word` being typed. The focus stays in the composer
 * (which points at the active option with aria-activedescendant); the mouse picks without taking it.
 */
export function CannedPicker({
  listboxId,
  query,
  suggestions,
  activeIndex,
  optionId,
  onPick,
  onHover,
  onRetry,
}: CannedPickerProps) {
  const items = 'items' in suggestions ? suggestions.items : [];
  return (
    <div className="canned-picker" data-testid="canned-picker" data-state={suggestions.status}>
      <p className="canned-picker__heading" aria-hidden="true">
        <span>Canned responses</span>
        <span className="canned-picker__keys">↑↓ to choose · Enter to insert · Esc to close</span>
      </p>
      {items.length > 0 ? (
        <div className="canned-picker__list" id={listboxId} role="listbox" aria-label="Canned responses">
          {items.map((response, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the composer's keys (↑ ↓ Enter Tab) choose options
            <div
              key={response.id}
              tabIndex={-1}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              className="canned-picker__option"
              // A press keeps the focus (and the caret) in the composer.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onPick(response)}
              onMouseMove={() => {
                if (index !== activeIndex) onHover(index);
              }}
              data-testid="canned-option"
              data-shortcut={response.shortcut}
            >
              <span className="canned-picker__shortcut">/{response.shortcut}</span>
              <span className="canned-picker__title">{response.title}</span>
              <span className="canned-picker__scope">{response.scope === 'shared' ? 'Shared' : 'Personal'}</span>
              <span className="canned-picker__body">{response.body}</span>
            </div>
          ))}
        </div>
      ) : suggestions.status === 'error' ? (
        <p className="canned-picker__note" role="alert">
          Could not load canned responses.{' '}
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            onMouseDown={(event) => event.preventDefault()}
            onClick={onRetry}
          >
            Try again
          </button>
        </p>
      ) : suggestions.status === 'loaded' ? (
        <p className="canned-picker__note" data-testid="canned-empty">
          {query ? `No canned response matches “/${query}”.` : 'No canned responses yet.'}{' '}
          <Link to="/settings/canned-responses" onMouseDown={(event) => event.preventDefault()}>
            Manage canned responses
          </Link>
        </p>
      ) : (
        <p className="canned-picker__note">
          <Spinner size="sm" /> Looking for canned responses…
        </p>
      )}
    </div>
  );
}
