import type { ConversationStatus } from '@parley/api/protocol';
import { type ChangeEvent, useId } from 'react';
import type { SearchFilters } from './search-filters.ts';

export interface FilterOption {
  readonly id: string;
  readonly label: string;
}

interface SearchFilterBarProps {
  filters: SearchFilters;
  inboxes: readonly FilterOption[];
  agents: readonly FilterOption[];
  hasActiveFilters: boolean;
  onChange(next: SearchFilters): void;
  onClear(): void;
}

const STATUS_OPTIONS: readonly { value: ConversationStatus | null; label: string; testId: string }[] = [
  { value: null, label: 'Any', testId: 'search-filter-status-any' },
  { value: 'open', label: 'Open', testId: 'search-filter-status-open' },
  { value: 'resolved', label: 'Resolved', testId: 'search-filter-status-resolved' },
];

/** Narrow a search: inbox, who has the conversation, its status, and the days the message was written. */
export function SearchFilterBar({
  filters,
  inboxes,
  agents,
  hasActiveFilters,
  onChange,
  onClear,
}: SearchFilterBarProps) {
  const id = useId();

  function pickDay(field: 'from' | 'to') {
    return (event: ChangeEvent<HTMLInputElement>) => onChange({ ...filters, [field]: event.target.value || null });
  }

  return (
    <fieldset className="search-filters" data-testid="search-filters">
      <legend className="visually-hidden">Filters</legend>
      <div className="search-filter">
        <label className="search-filter__label" htmlFor={`${id}-inbox`}>
          Inbox
        </label>
        <select
          id={`${id}-inbox`}
          className="search-select"
          value={filters.inboxId ?? ''}
          onChange={(event) => onChange({ ...filters, inboxId: event.target.value || null })}
          data-testid="search-filter-inbox"
        >
          <option value="">All inboxes</option>
          {withCurrent(inboxes, filters.inboxId, 'An inbox').map((inbox) => (
            <option key={inbox.id} value={inbox.id}>
              {inbox.label}
            </option>
          ))}
        </select>
      </div>

      <div className="search-filter">
        <label className="search-filter__label" htmlFor={`${id}-agent`}>
          Assigned to
        </label>
        <select
          id={`${id}-agent`}
          className="search-select"
          value={filters.assigneeId ?? ''}
          onChange={(event) => onChange({ ...filters, assigneeId: event.target.value || null })}
          data-testid="search-filter-agent"
        >
          <option value="">Anyone</option>
          {withCurrent(agents, filters.assigneeId, 'A member').map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.label}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="search-filter search-status">
        <legend className="search-filter__label">Status</legend>
        <div className="search-status__options">
          {STATUS_OPTIONS.map((option) => (
            <label key={option.label} className="search-status__option" data-testid={option.testId}>
              <input
                type="radio"
                className="search-status__input"
                name={`${id}-status`}
                checked={filters.status === option.value}
                onChange={() => onChange({ ...filters, status: option.value })}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="search-filter">
        <label className="search-filter__label" htmlFor={`${id}-from`}>
          From
        </label>
        <input
          id={`${id}-from`}
          type="date"
          className="input search-date"
          value={filters.from ?? ''}
          max={filters.to ?? undefined}
          onChange={pickDay('from')}
          data-testid="search-filter-from"
        />
      </div>

      <div className="search-filter">
        <label className="search-filter__label" htmlFor={`${id}-to`}>
          To
        </label>
        <input
          id={`${id}-to`}
          type="date"
          className="input search-date"
          value={filters.to ?? ''}
          min={filters.from ?? undefined}
          onChange={pickDay('to')}
          data-testid="search-filter-to"
        />
      </div>

      {hasActiveFilters ? (
        <button
          type="button"
          className="btn btn--ghost btn--sm search-filters__clear"
          onClick={onClear}
          data-testid="search-clear-filters"
        >
          Clear filters
        </button>
      ) : null}
    </fieldset>
  );
}

/** A filter from a link may name an inbox or member not (yet) listed: keep it selectable, so the select shows it. */
function withCurrent(options: readonly FilterOption[], current: string | null, label: string): readonly FilterOption[] {
  if (!current || options.some((option) => option.id === current)) return options;
  return [...options, { id: current, label }];
}
