// Every keyboard shortcut of the console, as the help overlay lists them.

export type ShortcutId =
  | 'help'
  | 'next'
  | 'previous'
  | 'open'
  | 'reply'
  | 'resolve'
  | 'assign'
  | 'team'
  | 'label'
  | 'snooze'
  | 'priority'
  | 'pending'
  | 'select'
  | 'go-inbox'
  | 'go-queue'
  | 'go-settings'
  | 'leave-field';

export interface ShortcutHelp {
  /** Alternatives; each a sequence of keys pressed one after the other; a key may be a chord ("Ctrl+K"). */
  keys: string[][];
  description: string;
}

export const SHORTCUT_GROUPS: ReadonlyArray<{ title: string; shortcuts: ShortcutHelp[] }> = [
  {
    title: 'Conversation list',
    shortcuts: [
      { keys: [['j']], description: 'Next conversation' },
      { keys: [['k']], description: 'Previous conversation' },
      { keys: [['Enter'], ['o']], description: 'Open the conversation' },
      { keys: [['x']], description: 'Select or unselect for a bulk action (Shift+click selects a range)' },
    ],
  },
  {
    title: 'Conversation',
    shortcuts: [
      { keys: [['r']], description: 'Reply: go to the composer' },
      { keys: [['n']], description: 'Switch the composer between reply and internal note' },
      { keys: [['e']], description: 'Resolve' },
      { keys: [['a']], description: 'Assign to…' },
      { keys: [['t']], description: 'Move to a team…' },
      { keys: [['l']], description: 'Add or remove labels' },
      { keys: [['s']], description: 'Snooze…' },
      { keys: [['Shift+E']], description: 'Mark pending' },
      { keys: [['p']], description: 'Set the priority' },
    ],
  },
  {
    title: 'Go to',
    shortcuts: [
      { keys: [['g', 'i']], description: 'Inbox' },
      { keys: [['g', 'q']], description: 'Queue' },
      { keys: [['g', 's']], description: 'Settings' },
      { keys: [['/'], ['Ctrl+K']], description: 'Search' },
    ],
  },
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: [['?']], description: 'Show these shortcuts' },
      { keys: [['Esc']], description: 'Leave a text field, close a menu or dialog' },
    ],
  },
];
