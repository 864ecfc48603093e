import type { Ref } from 'preact';
import { strings } from '../i18n/strings.ts';
import { ChatIcon, ChevronDownIcon } from './icons.tsx';

interface LauncherProps {
  isOpen: boolean;
  text: string | undefined;
  unreadCount: number;
  buttonRef: Ref<HTMLButtonElement>;
  onToggle(): void;
  onKeyDown(event: KeyboardEvent): void;
}

export function Launcher({ isOpen, text, unreadCount, buttonRef, onToggle, onKeyDown }: LauncherProps) {
  const visibleText = isOpen ? undefined : text;
  const label = isOpen ? strings.closeChat : visibleText ? `${visibleText} (${strings.openChat})` : strings.openChat;
  const hasUnread = !isOpen && unreadCount > 0;
  return (
    <button
      ref={buttonRef}
      type="button"
      class={visibleText ? 'launcher has-text' : 'launcher'}
      data-testid="parley-bubble"
      aria-label={label}
      aria-expanded={isOpen}
      aria-controls="parley-panel"
      aria-describedby={hasUnread ? 'parley-unread' : undefined}
      onClick={onToggle}
      onKeyDown={onKeyDown}
    >
      {isOpen ? <ChevronDownIcon /> : <ChatIcon />}
      {visibleText && <span class="launcher-text">{visibleText}</span>}
      {hasUnread && (
        <span class="badge" id="parley-unread" title={strings.unread(unreadCount)}>
          {unreadCount > 99 ? '99+' : unreadCount}
          <span class="visually-hidden"> {strings.unread(unreadCount)}</span>
        </span>
      )}
    </button>
  );
}
