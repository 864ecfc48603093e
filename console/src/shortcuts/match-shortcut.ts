import { isKeyForSomethingElse, type KeyLike, type TargetLike } from '../search/search-keys.ts';
import type { ShortcutId } from './shortcut-list.ts';

// Which shortcut a key press means, on plain objects (KeyboardEvent and Element fit), so it is testable
// without a DOM. `/` and Ctrl+K belong to search (search/use-search-shortcut.ts) and are not matched here.

/** How long the second key of `g i` may wait for. */
export const SEQUENCE_TIMEOUT_MS = 1500;

export interface KeyPress extends KeyLike {
  readonly shiftKey?: boolean;
}

/** A started sequence: its first key and when it was pressed. */
export interface PendingKey {
  key: string;
  at: number;
}

export interface Match {
  shortcut: ShortcutId | null;
  /** The sequence started by this key, to pass to the next call. */
  pending: PendingKey | null;
}

const SINGLE_KEYS: Readonly<Record<string, ShortcutId>> = {
  '?': 'help',
  j: 'next',
  k: 'previous',
  o: 'open',
  Enter: 'open',
  r: 'reply',
  e: 'resolve',
  a: 'assign',
  t: 'team',
  l: 'label',
  s: 'snooze',
  p: 'priority',
  E: 'pending',
  x: 'select',
};

const AFTER_G: Readonly<Record<string, ShortcutId>> = { i: 'go-inbox', q: 'go-queue', s: 'go-settings' };

const NONE: Match = { shortcut: null, pending: null };

export function matchShortcut(
  event: KeyPress,
  target: TargetLike | null,
  pending: PendingKey | null,
  now: number,
): Match {
  if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return NONE;
  if (event.key === 'Escape')
    return { shortcut: isTypingField(target) && !isInsideWidget(target) ? 'leave-field' : null, pending: null };
  if (isKeyForSomethingElse(target)) return NONE;
  if (pending && now - pending.at <= SEQUENCE_TIMEOUT_MS) {
    return { shortcut: pending.key === 'g' ? (AFTER_G[event.key] ?? null) : null, pending: null };
  }
  if (event.key === 'g') return { shortcut: null, pending: { key: 'g', at: now } };
  const shortcut = SINGLE_KEYS[event.key] ?? null;
  // Enter on a link or button is theirs: it follows or presses it.
  if (shortcut === 'open' && event.key === 'Enter' && isInteractive(target)) return NONE;
  return { shortcut, pending: null };
}

function isTypingField(target: TargetLike | null): boolean {
  const tag = target?.tagName?.toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || Boolean(target?.isContentEditable);
}

/** A dialog, menu or list box handles its own Escape. */
function isInsideWidget(target: TargetLike | null): boolean {
  return Boolean(target?.closest?.('dialog, [role="dialog"], [role="menu"], [role="listbox"]'));
}

function isInteractive(target: TargetLike | null): boolean {
  return Boolean(target?.closest?.('a[href], button, summary, [role="button"], [role="link"], [role="option"]'));
}
