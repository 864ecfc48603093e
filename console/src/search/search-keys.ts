// Which keys do what for search, on plain objects (KeyboardEvent and Element fit), so it is testable
// without a DOM.

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly isComposing?: boolean;
}

export interface TargetLike {
  readonly tagName?: string;
  readonly type?: string;
  readonly isContentEditable?: boolean;
  closest?(selector: string): unknown;
}

/** `/`, or Ctrl+K / ⌘K: go to the search field. */
export function isSearchShortcut(event: KeyLike): boolean {
  if (event.isComposing || event.altKey) return false;
  if (event.key === '/') return !event.ctrlKey && !event.metaKey;
  return (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
}

/** Input types that take no typed text: a `/` there is not text, so the shortcut may have it. */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit']);

/**
 * Whether the key goes to something the agent is typing in (a field, a text area, a select's type-ahead,
 * an editable element), or to a dialog or menu that owns the keyboard: then the shortcut stays out.
 */
export function isKeyForSomethingElse(target: TargetLike | null): boolean {
  if (!target) return false;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) return true;
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has((target.type ?? 'text').toLowerCase());
  return Boolean(target.closest?.('dialog, [role="dialog"], [role="menu"], [role="listbox"]'));
}

export type ListMove = 'next' | 'previous' | 'first' | 'last' | 'leave';

/** Arrow keys (and Home/End) in the results list; Escape goes back to the search box. */
export function toListMove(event: KeyLike): ListMove | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  switch (event.key) {
    case 'ArrowDown':
      return 'next';
    case 'ArrowUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'leave';
    default:
      return null;
  }
}

/**
 * Where focus goes from result `index` (of `count`): an index, or `'box'` for the search box (up from
 * the first result, Escape). From the box itself (index -1), down goes to the first result.
 */
export function moveInList(index: number, count: number, move: ListMove): number | 'box' {
  if (count === 0 || move === 'leave') return 'box';
  switch (move) {
    case 'next':
      return Math.min(index + 1, count - 1);
    case 'previous':
      return index <= 0 ? 'box' : index - 1;
    case 'first':
      return 0;
    case 'last':
      return count - 1;
  }
}
