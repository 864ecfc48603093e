import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useNow } from '../lib/use-now.ts';
import { moveInList, toListMove } from '../search/search-keys.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { AlertIcon, SearchIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { ContactsIcon } from './contacts-icon.tsx';
import { ContactsTable, ContactsTableSkeleton } from './contacts-table.tsx';
import { useContactList, useDebounced } from './use-contact-list.ts';
import '../settings/settings.css';
import './contacts.css';

const DEBOUNCE_MS = 250;

/** `/contacts?q=…`: everyone who identified, left an email or wrote; search by name, email, user id or attribute. */
export function ContactsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const [draft, setDraft] = useState(() => searchParams.get('q') ?? '');
  const q = useDebounced(draft.trim(), DEBOUNCE_MS);
  const { state, loadMore, retry } = useContactList(q);
  const now = useNow();
  const boxRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLElement>(null);

  useEffect(() => {
    boxRef.current?.focus();
  }, []);

  // The settled search is kept in the URL, so coming back from a contact shows the same list.
  useEffect(() => {
    setSearchParams(q ? { q } : {}, { replace: true });
  }, [q, setSearchParams]);

  function focusRow(index: number | 'box') {
    if (index === 'box') boxRef.current?.focus();
    else tableRef.current?.querySelectorAll<HTMLAnchorElement>('[data-testid="contact-link"]')[index]?.focus();
  }

  function handleBoxKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'ArrowDown' || state.contacts.length === 0) return;
    event.preventDefault();
    focusRow(0);
  }

  function handleRowKeyDown(index: number, event: KeyboardEvent<HTMLAnchorElement>) {
    const move = toListMove(event);
    if (!move) return;
    event.preventDefault();
    focusRow(moveInList(index, state.contacts.length, move));
  }

  const isSettling = draft.trim() !== q || state.status === 'loading';
  const isStale = state.status === 'loading' && state.contacts.length > 0;

  return (
    <main
      className="page contacts-page"
      data-testid="contacts-page"
      data-state={describeState(state.status, state.contacts.length)}
    >
      <header className="page__header">
        <h1 className="page__title">Contacts</h1>
        <p className="page__lead">Everyone who signed in on your site, left an email, or started a conversation.</p>
      </header>

      <search>
        <form className="search-box contacts-search" onSubmit={(event) => event.preventDefault()}>
          <SearchIcon className="search-box__icon" size={18} />
          <input
            ref={boxRef}
            className="search-box__input"
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={handleBoxKeyDown}
            placeholder="Search by name, email, user id or attribute"
            aria-label="Search contacts"
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            data-testid="contacts-search"
          />
          <span className="search-box__end" aria-hidden="true">
            {isSettling && draft.trim() !== '' ? <Spinner size="sm" /> : null}
          </span>
        </form>
      </search>

      <section
        ref={tableRef}
        className={`card contacts-card${isStale ? ' contacts-card--stale' : ''}`}
        aria-label="Contacts"
        aria-busy={state.status === 'loading'}
      >
        <span className="visually-hidden" role="status">
          {state.status === 'loaded' ? `${state.contacts.length}${state.nextCursor ? '+' : ''} contacts` : ''}
        </span>
        {state.contacts.length > 0 ? (
          <>
            <ContactsTable contacts={state.contacts} now={now} onRowKeyDown={handleRowKeyDown} />
            {state.nextCursor ? (
              <footer className="contacts-card__footer">
                <button
                  type="button"
                  className="btn btn--secondary"
                  onClick={loadMore}
                  disabled={state.more === 'loading'}
                  data-testid="contacts-load-more"
                >
                  {state.more === 'loading' ? <Spinner size="sm" /> : null}
                  {state.more === 'loading' ? 'Loading…' : 'Load more'}
                </button>
                {state.more === 'error' ? (
                  <p className="field__error" role="alert">
                    Could not load more contacts. Try again.
                  </p>
                ) : null}
              </footer>
            ) : null}
          </>
        ) : state.status === 'loading' ? (
          <ContactsTableSkeleton />
        ) : state.status === 'error' ? (
          <div data-testid="contacts-error">
            <EmptyState
              icon={<AlertIcon size={24} />}
              title="Could not load contacts"
              action={
                <button type="button" className="btn btn--secondary" onClick={retry}>
                  Try again
                </button>
              }
            >
              {state.error}
            </EmptyState>
          </div>
        ) : q ? (
          <div data-testid="contacts-empty">
            <EmptyState icon={<SearchIcon size={24} />} title={`No contacts match “${q}”`}>
              Search looks at names, emails, your site’s user ids and attribute values.
            </EmptyState>
          </div>
        ) : (
          <div data-testid="contacts-empty">
            <EmptyState icon={<ContactsIcon size={24} />} title="No contacts yet">
              Visitors appear here once they start a conversation, leave an email, or are identified by your site.
            </EmptyState>
          </div>
        )}
      </section>
    </main>
  );
}

function describeState(status: 'loading' | 'loaded' | 'error', count: number): string {
  if (status === 'loaded') return count > 0 ? 'results' : 'empty';
  return status;
}
