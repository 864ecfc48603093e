import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { isKeyForSomethingElse, isSearchShortcut, type TargetLike } from './search-keys.ts';

/** The search page's box. */
export const SEARCH_BOX_ID = 'search-box';
/** The sidebar's search field (not on the search page itself, nor on a phone's top bar). */
export const NAV_SEARCH_ID = 'nav-search';

/**
 * `/` and Ctrl+K / ⌘K from anywhere in the console (not while typing in a field, nor inside a dialog or
 * menu): focus the search page's box, or else the sidebar's field, or else go to the search page.
 */
export function useSearchShortcut(): void {
  const navigate = useNavigate();
  useEffect(() => {
    function handleKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || !isSearchShortcut(event)) return;
      if (isKeyForSomethingElse(event.target as TargetLike | null)) return;
      event.preventDefault();
      if (!focusSearchField()) navigate('/search');
    }
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, [navigate]);
}

function focusSearchField(): boolean {
  for (const id of [SEARCH_BOX_ID, NAV_SEARCH_ID]) {
    const input = document.getElementById(id);
    // Hidden by the layout (a phone's top bar has no room for the field): no client rects.
    if (!(input instanceof HTMLInputElement) || input.getClientRects().length === 0) continue;
    input.focus();
    input.select();
    return true;
  }
  return false;
}
