import { type FormEvent, useState } from 'react';
import { NavLink, useMatch, useNavigate } from 'react-router';
import { SearchIcon } from '../ui/icons.tsx';
import { EMPTY_FILTERS, QUERY_MAX_LENGTH, toSearchPath } from './search-filters.ts';
import { NAV_SEARCH_ID } from './use-search-shortcut.ts';
import './search.css';

/**
 * The sidebar's way into search: a field (Enter opens the search page with those words; `/` or Ctrl+K
 * focus it from anywhere), or, on the search page itself and on a phone's top bar, a "Search" link.
 */
export function SearchNavField() {
  const navigate = useNavigate();
  const isOnSearchPage = useMatch('/search') !== null;
  const [value, setValue] = useState('');

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const q = value.trim();
    setValue('');
    navigate(toSearchPath({ ...EMPTY_FILTERS, q }));
  }

  return (
    <div className="sidebar-search">
      {isOnSearchPage ? null : (
        <search className="sidebar-search__form">
          <form onSubmit={handleSubmit}>
            <SearchIcon className="sidebar-search__icon" size={16} />
            <input
              id={NAV_SEARCH_ID}
              className="sidebar-search__input"
              type="search"
              value={value}
              onChange={(event) => setValue(event.target.value)}
              placeholder="Search messages"
              aria-label="Search messages"
              aria-keyshortcuts="/ Control+K Meta+K"
              maxLength={QUERY_MAX_LENGTH}
              autoComplete="off"
              spellCheck={false}
              enterKeyHint="search"
              data-testid="nav-search-input"
            />
            <span className="sidebar-search__kbd" aria-hidden="true">
              <kbd>/</kbd>
            </span>
          </form>
        </search>
      )}
      <NavLink to="/search" className="sidebar__link sidebar-search__link" data-testid="nav-search">
        <SearchIcon size={18} />
        <span className="sidebar__link-label">Search</span>
      </NavLink>
    </div>
  );
}
