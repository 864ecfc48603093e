import type { Announcement } from '../shortcuts/shortcut-actions.ts';

// s snooze, p priority, shift+E pending, x select: through the controls on screen, like the other shortcuts.

const control = <T extends HTMLElement>(testId: string) => document.querySelector<T>(`[data-testid="${testId}"]`);

function missing(): Announcement {
  return document.querySelector('[data-testid="conversation-view"]')
    ? 'Not available for this conversation.'
    : 'Open a conversation first.';
}

export function runStatusShortcut(shortcut: 'snooze' | 'priority' | 'pending' | 'select'): Announcement {
  if (shortcut === 'select') return toggleFocusedRow();
  const testId = shortcut === 'snooze' ? 'snooze-button' : shortcut === 'priority' ? 'priority-select' : 'mark-pending';
  const element = control<HTMLButtonElement | HTMLSelectElement>(testId);
  if (!element) return missing();
  if (element.disabled) return 'Not available right now: reconnecting.';
  if (shortcut === 'priority') {
    element.focus();
    return 'Priority: choose with the arrow keys.';
  }
  element.click();
  return shortcut === 'snooze' ? 'Snooze menu open.' : 'Marked pending.';
}

/** x: the row with the focus (or the open one) joins or leaves the selection. */
function toggleFocusedRow(): Announcement {
  const focused = document.activeElement?.closest<HTMLElement>('[data-conversation-id]');
  const row = focused ?? document.querySelector<HTMLElement>('a[data-testid="conversation-row"][aria-current="page"]');
  const id = row?.dataset.conversationId;
  const box = id ? control<HTMLInputElement>(`select-${id}`) : null;
  if (!box) return 'Move to a conversation with j or k first.';
  box.click();
  row?.focus();
  return box.checked ? 'Selected.' : 'Not selected.';
}
