// What the conversation shortcuts do, through the controls on screen: pressing a shortcut is exactly
// pressing the button (same busy state, errors and live updates). The controls are found by their
// `data-testid`, the console's stable names for them (see console/README.md).

/** What to tell a screen reader, or null when the focus move says it already. */
export type Announcement = string | null;

const control = <T extends HTMLElement>(testId: string) => document.querySelector<T>(`[data-testid="${testId}"]`);

function visibleRows(): HTMLAnchorElement[] {
  const rows = document.querySelectorAll<HTMLAnchorElement>('a[data-testid="conversation-row"]');
  return [...rows].filter((row) => row.getClientRects().length > 0);
}

/** j / k: the focus goes to the next or previous conversation of the list (from the open one at first). */
export function moveInConversationList(step: 1 | -1): Announcement {
  const rows = visibleRows();
  if (rows.length === 0) return 'No conversation list here.';
  const focused = rows.indexOf(document.activeElement as HTMLAnchorElement);
  const from = focused >= 0 ? focused : rows.findIndex((row) => row.getAttribute('aria-current') === 'page');
  const to = from < 0 ? 0 : Math.min(Math.max(from + step, 0), rows.length - 1);
  const row = rows[to];
  row?.focus();
  row?.scrollIntoView({ block: 'nearest' });
  return to === from ? (step > 0 ? 'Last conversation.' : 'First conversation.') : null;
}

/** Enter / o: open the conversation the focus is on. */
export function openFocusedConversation(): Announcement {
  const row = visibleRows().find((candidate) => candidate === document.activeElement);
  if (!row) return 'Move to a conversation with j or k first.';
  row.click();
  return null;
}

export function focusComposer(): Announcement {
  const composer = control<HTMLTextAreaElement>('composer');
  if (!composer) return 'Open a conversation first.';
  if (composer.disabled) return 'This conversation is resolved: there is nothing to reply to.';
  composer.focus();
  return null;
}

/** Presses a header button: resolve, the assign or team menu, the label picker. */
export function pressControl(
  testId: 'resolve' | 'assign-button' | 'team-button' | 'label-add',
  done: string,
): Announcement {
  const button = control<HTMLButtonElement>(testId);
  if (!button)
    return document.querySelector('[data-testid="conversation-view"]')
      ? 'Not available for this conversation.'
      : 'Open a conversation first.';
  if (button.disabled) return 'Not available right now: reconnecting.';
  button.click();
  return done;
}

/** Esc in a text field: leave it, so the shortcuts work again. */
export function leaveField(): Announcement {
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  return null;
}
