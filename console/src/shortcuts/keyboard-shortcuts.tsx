import { useEffect, useRef, useState } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { runStatusShortcut } from '../inbox/status-shortcut-actions.ts';
import type { TargetLike } from '../search/search-keys.ts';
import { matchShortcut, type PendingKey } from './match-shortcut.ts';
import {
  type Announcement,
  focusComposer,
  leaveField,
  moveInConversationList,
  openFocusedConversation,
  pressControl,
} from './shortcut-actions.ts';
import { ShortcutHelpDialog } from './shortcut-help-dialog.tsx';
import type { ShortcutId } from './shortcut-list.ts';
import './shortcuts.css';

const PLACES = {
  'go-inbox': ['/conversations', 'Inbox'],
  'go-queue': ['/queue', 'Queue'],
  'go-settings': ['/settings', 'Settings'],
} as const;

/**
 * The console's keyboard shortcuts (a layout route around the signed-in pages; `?` lists them). Search's
 * own `/` and Ctrl+K stay in search/use-search-shortcut.ts. What a shortcut did, when the focus does not
 * say it, is announced.
 */
export function KeyboardShortcuts() {
  const navigate = useNavigate();
  const [isHelpOpen, setIsHelpOpen] = useState(false);
  const [announcement, setAnnouncement] = useState({ text: '', count: 0 });
  const pending = useRef<PendingKey | null>(null);

  useEffect(() => {
    function announce(text: Announcement) {
      if (text) setAnnouncement((previous) => ({ text, count: previous.count + 1 }));
    }

    function run(shortcut: ShortcutId): Announcement {
      switch (shortcut) {
        case 'help':
          setIsHelpOpen(true);
          return null;
        case 'next':
          return moveInConversationList(1);
        case 'previous':
          return moveInConversationList(-1);
        case 'open':
          return openFocusedConversation();
        case 'reply':
          return focusComposer();
        case 'resolve':
          return pressControl('resolve', 'Resolving the conversation.');
        case 'assign':
          return pressControl('assign-button', 'Assign menu open.');
        case 'team':
          return pressControl('team-button', 'Team menu open.');
        case 'label':
          return pressControl('label-add', 'Label picker open.');
        case 'snooze':
        case 'priority':
        case 'pending':
        case 'select':
          return runStatusShortcut(shortcut);
        case 'leave-field':
          return leaveField();
        default: {
          const [path, name] = PLACES[shortcut];
          navigate(path);
          return name;
        }
      }
    }

    function handleKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      const match = matchShortcut(event, event.target as TargetLike | null, pending.current, Date.now());
      pending.current = match.pending;
      if (!match.shortcut) return;
      event.preventDefault();
      announce(run(match.shortcut));
    }

    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, [navigate]);

  return (
    <>
      <Outlet />
      {isHelpOpen ? <ShortcutHelpDialog onClose={() => setIsHelpOpen(false)} /> : null}
      <p className="visually-hidden" role="status" data-testid="shortcut-announcement">
        {/* The count makes a repeated message new to screen readers. */}
        <span key={announcement.count}>{announcement.text}</span>
      </p>
    </>
  );
}
