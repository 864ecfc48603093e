import type { ContactList, ContactSummary } from '@parley/api/protocol';

/** The directory as the page shows it, for one search text (`q`). */
export interface ContactListState {
  q: string;
  status: 'loading' | 'loaded' | 'error';
  contacts: ContactSummary[];
  nextCursor: string | null;
  more: 'idle' | 'loading' | 'error';
  error: string | null;
}

export type ContactListAction =
  | { type: 'started'; q: string }
  | { type: 'loaded'; q: string; page: ContactList }
  | { type: 'failed'; q: string; error: string }
  | { type: 'more_started'; q: string }
  | { type: 'more_loaded'; q: string; page: ContactList }
  | { type: 'more_failed'; q: string };

export const INITIAL_CONTACT_LIST: ContactListState = {
  q: '',
  status: 'loading',
  contacts: [],
  nextCursor: null,
  more: 'idle',
  error: null,
};

/** Answers for another search than the current one are late and dropped; a new search keeps the old rows until it answers. */
export function reduceContactList(state: ContactListState, action: ContactListAction): ContactListState {
  if (action.type === 'started') return { ...state, q: action.q, status: 'loading', more: 'idle', error: null };
  if (action.q !== state.q) return state;
  switch (action.type) {
    case 'loaded':
      return { ...state, status: 'loaded', contacts: action.page.contacts, nextCursor: action.page.nextCursor };
    case 'failed':
      return { ...state, status: 'error', contacts: [], nextCursor: null, error: action.error };
    case 'more_started':
      return { ...state, more: 'loading' };
    case 'more_loaded': {
      const known = new Set(state.contacts.map((contact) => contact.id));
      const added = action.page.contacts.filter((contact) => !known.has(contact.id));
      return { ...state, more: 'idle', contacts: [...state.contacts, ...added], nextCursor: action.page.nextCursor };
    }
    case 'more_failed':
      return { ...state, more: 'error' };
  }
}
