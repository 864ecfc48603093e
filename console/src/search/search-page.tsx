import { type FormEvent, type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAppData } from '../app/use-app-data.ts';
import { useNow } from '../lib/use-now.ts';
import { useConsoleSnapshot, useConsoleStore } from '../realtime/console-store-context.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { AlertIcon, SearchIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { type FilterOption, SearchFilterBar } from './search-filter-bar.tsx';
import {
  clearFilters,
  findFiltersProblem,
  hasActiveFilters,
  isSearchable,
  parseSearchFilters,
  QUERY_MAX_LENGTH,
  type SearchFilters,
  toSearchKey,
  toSearchParams,
} from './search-filters.ts';
import { describeAssignee, describeVisitor } from './search-hit-labels.ts';
import { SearchHitRow } from './search-hit-row.tsx';
import { moveInList, toListMove } from './search-keys.ts';
import { describeHitCount, isShowingStaleHits, type SearchResultsState } from './search-results.ts';
import { toSnippetPieces } from './snippet-parts.ts';
import { useSearchResults } from './use-search-results.ts';
import { SEARCH_BOX_ID } from './use-search-shortcut.ts';
import './search.css';

/** Typing waits this long for a pause before it searches. */
const DEBOUNCE_MS = 250;

/**
 * `/search?q=…&inboxId&assigneeId&status&from&to`: full-text search over every message. The URL holds
 * the search (back, forward, reload and links work); typing writes it after a pause, replacing the
 * history entry, while a filter change is a new entry. Opening a hit opens the conversation at it.
 */
export function SearchPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseSearchFilters(searchParams), [searchParams]);
  const key = toSearchKey(filters);
  const problem = findFiltersProblem(filters);
  const { state, loadMore, retry } = useSearchResults(key, isSearchable(filters) && problem === null);
  const store = useConsoleStore();
  const { queues, team } = useConsoleSnapshot();
  const { me } = useAppData();
  const now = useNow();
  const [draft, setDraft] = useState(filters.q);
  const writtenQ = useRef(filters.q);
  const boxRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLOListElement>(null);

  // The inboxes and members name the filters and the hits; the store reads them when it connects.
  useEffect(() => {
    const { status: inboxes } = store.getSnapshot().queues;
    const { status: members } = store.getSnapshot().team;
    if (inboxes === 'idle' || inboxes === 'error') void store.loadQueues();
    if (members === 'idle' || members === 'error') void store.loadMembers();
  }, [store]);

  useEffect(() => {
    boxRef.current?.focus();
  }, []);

  // The URL changed by itself (back, forward, a link): the box follows it.
  useEffect(() => {
    if (filters.q === writtenQ.current) return;
    writtenQ.current = filters.q;
    setDraft(filters.q);
  }, [filters.q]);

  const writeWords = useCallback(
    (text: string) => {
      const q = text.trim();
      writtenQ.current = q;
      setSearchParams((current) => toSearchParams({ ...parseSearchFilters(current), q }), { replace: true });
    },
    [setSearchParams],
  );

  // The box changed: the URL follows after a pause in typing.
  useEffect(() => {
    if (draft.trim() === filters.q.trim()) return;
    const timer = setTimeout(() => writeWords(draft), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, filters.q, writeWords]);

  function applyFilters(next: SearchFilters) {
    const q = draft.trim();
    writtenQ.current = q;
    setSearchParams(toSearchParams({ ...next, q }));
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (draft.trim() !== filters.q.trim()) writeWords(draft);
    else if (state.status === 'error') retry();
  }

  function focusHit(index: number | 'box') {
    if (index === 'box') {
      boxRef.current?.focus();
      return;
    }
    listRef.current?.querySelectorAll<HTMLAnchorElement>('.search-hit')[index]?.focus();
  }

  function handleBoxKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'ArrowDown' || state.hits.length === 0) return;
    event.preventDefault();
    focusHit(moveInList(-1, state.hits.length, 'next'));
  }

  function handleHitKeyDown(index: number, event: KeyboardEvent<HTMLAnchorElement>) {
    const move = toListMove(event);
    if (!move) return;
    event.preventDefault();
    focusHit(moveInList(index, state.hits.length, move));
  }

  const inboxOptions: FilterOption[] = queues.inboxes.map((inbox) => ({ id: inbox.id, label: inbox.name }));
  const agentOptions: FilterOption[] = [...team.members]
    .sort((a, b) => (a.userId === me.user.id ? -1 : b.userId === me.user.id ? 1 : a.name.localeCompare(b.name)))
    .map((member) => ({
      id: member.userId,
      label: member.userId === me.user.id ? `${member.name} (you)` : member.name,
    }));
  const inboxNames = new Map(queues.inboxes.map((inbox) => [inbox.id, inbox.name]));
  const showInboxName = queues.inboxes.length > 1;
  const isPending = draft.trim() !== filters.q.trim() || state.status === 'loading';
  const isFiltered = hasActiveFilters(filters);

  return (
    <main
      className="page search-page"
      data-testid="search-page"
      data-state={describeState(state, filters, problem)}
      data-results-for={state.status === 'loaded' || state.status === 'error' ? (state.key ?? '') : undefined}
    >
      <header className="page__header">
        <h1 className="page__title">Search</h1>
        <p className="page__lead">Every message in every conversation, from visitors and agents.</p>
      </header>

      <search>
        <form className="search-box" onSubmit={handleSubmit}>
          <SearchIcon className="search-box__icon" size={18} />
          <input
            ref={boxRef}
            id={SEARCH_BOX_ID}
            className="search-box__input"
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={handleBoxKeyDown}
            placeholder="Search messages"
            aria-label="Search messages"
            aria-describedby="search-syntax"
            aria-keyshortcuts="/ Control+K Meta+K"
            maxLength={QUERY_MAX_LENGTH}
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            data-testid="search-input"
          />
          <span className="search-box__end" aria-hidden="true">
            {isPending && draft.trim() !== '' ? <Spinner size="sm" /> : <kbd>/</kbd>}
          </span>
        </form>
      </search>
      <p className="search-box__syntax" id="search-syntax">
        Every word must match. <code>"late parcel"</code> finds a phrase, <code>refund or return</code> either word,{' '}
        <code>-invoice</code> leaves a word out.
      </p>

      <SearchFilterBar
        filters={filters}
        inboxes={inboxOptions}
        agents={agentOptions}
        hasActiveFilters={isFiltered}
        onChange={applyFilters}
        onClear={() => applyFilters(clearFilters(filters))}
      />

      <section
        className={`card search-results${isShowingStaleHits(state) ? ' search-results--stale' : ''}`}
        aria-labelledby="search-results-title"
        aria-busy={state.status === 'loading'}
      >
        <header className="search-results__header">
          <h2 className="search-results__title" id="search-results-title">
            Results
          </h2>
          <span className="visually-hidden" role="status" data-testid="search-announcement">
            {announce(state, problem)}
          </span>
          {state.status === 'loaded' && state.hits.length > 0 ? (
            <span className="search-results__count" data-testid="search-result-count">
              {describeHitCount(state)}
            </span>
          ) : null}
          {state.hits.length > 0 ? (
            <span className="search-results__hint">
              <kbd>↑</kbd> <kbd>↓</kbd> to move, <kbd>Enter</kbd> to open
            </span>
          ) : null}
        </header>

        {problem ? (
          <EmptyState icon={<AlertIcon size={24} />} title="Check the dates">
            <span data-testid="search-filters-problem">{problem}</span>
          </EmptyState>
        ) : state.hits.length > 0 ? (
          <>
            <ol className="search-results__items" ref={listRef} aria-labelledby="search-results-title">
              {state.hits.map((hit, index) => (
                <SearchHitRow
                  key={hit.messageId}
                  hit={hit}
                  pieces={toSnippetPieces(hit.snippet)}
                  visitor={describeVisitor(hit)}
                  assignee={describeAssignee(hit.conversation.assigneeId, team.members, me.user.id)}
                  inboxName={showInboxName ? (inboxNames.get(hit.conversation.inboxId) ?? null) : null}
                  now={now}
                  onKeyDown={(event) => handleHitKeyDown(index, event)}
                />
              ))}
            </ol>
            {state.hasMore && state.status === 'loaded' ? (
              <footer className="search-results__footer">
                <button
                  type="button"
                  className="btn btn--secondary"
                  onClick={loadMore}
                  disabled={state.more === 'loading'}
                  data-testid="search-load-more"
                >
                  {state.more === 'loading' ? <Spinner size="sm" /> : null}
                  {state.more === 'loading' ? 'Loading…' : 'Load more'}
                </button>
                {state.more === 'error' ? (
                  <p className="search-results__more-error" role="alert">
                    Could not load more results. Try again.
                  </p>
                ) : null}
              </footer>
            ) : null}
          </>
        ) : state.status === 'loading' ? (
          <ResultsSkeleton />
        ) : state.status === 'error' && state.problem ? (
          <div className="search-error" data-testid="search-error" data-kind={state.problem.kind}>
            <EmptyState
              icon={<AlertIcon size={24} />}
              title={state.problem.kind === 'invalid' ? 'This search can’t be run' : 'Could not search'}
              action={
                state.problem.kind === 'invalid' ? (
                  <button
                    type="button"
                    className="btn btn--secondary"
                    onClick={() => {
                      setDraft('');
                      boxRef.current?.focus();
                    }}
                  >
                    Clear the search
                  </button>
                ) : (
                  <button type="button" className="btn btn--secondary" onClick={retry}>
                    Try again
                  </button>
                )
              }
            >
              {state.problem.message}
            </EmptyState>
          </div>
        ) : state.status === 'loaded' ? (
          <div data-testid="search-empty">
            <EmptyState
              icon={<SearchIcon size={24} />}
              title={`No messages match “${filters.q.trim()}”`}
              action={
                isFiltered ? (
                  <button
                    type="button"
                    className="btn btn--secondary"
                    onClick={() => applyFilters(clearFilters(filters))}
                  >
                    Clear filters
                  </button>
                ) : null
              }
            >
              {isFiltered
                ? 'Nothing matches with these filters. Clear them to search everywhere.'
                : 'Check the spelling, or try fewer or other words.'}
            </EmptyState>
          </div>
        ) : (
          <div data-testid="search-prompt">
            <EmptyState icon={<SearchIcon size={24} />} title="Search every conversation">
              Type a few words to find any message, in every inbox, open or resolved. Press <kbd>/</kbd> anywhere in the
              console to come back here.
            </EmptyState>
          </div>
        )}
      </section>
    </main>
  );
}

function ResultsSkeleton() {
  return (
    <ul className="search-results__items" aria-label="Searching" data-testid="search-loading">
      {[0, 1, 2].map((index) => (
        <li key={index} className="search-hit search-hit--skeleton">
          <span className="skeleton skeleton--circle" />
          <span className="search-hit__skeleton-lines">
            <span className="skeleton skeleton--line" style={{ width: '30%' }} />
            <span className="skeleton skeleton--line" style={{ width: '85%' }} />
            <span className="skeleton skeleton--line" style={{ width: '45%' }} />
          </span>
        </li>
      ))}
    </ul>
  );
}

/** For tests and styles: prompt | loading | results | empty | error | problem. */
function describeState(state: SearchResultsState, filters: SearchFilters, problem: string | null): string {
  if (problem) return 'problem';
  if (!isSearchable(filters)) return 'prompt';
  if (state.status === 'loading') return 'loading';
  if (state.status === 'error') return 'error';
  if (state.status === 'loaded') return state.hits.length > 0 ? 'results' : 'empty';
  return 'prompt';
}

function announce(state: SearchResultsState, problem: string | null): string {
  if (problem) return problem;
  switch (state.status) {
    case 'loading':
      return 'Searching…';
    case 'error':
      return state.problem?.message ?? 'Could not search.';
    case 'loaded':
      return state.hits.length > 0 ? `${describeHitCount(state)} found` : 'No messages found';
    case 'idle':
      return '';
  }
}
