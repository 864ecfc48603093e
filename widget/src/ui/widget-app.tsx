import { useEffect, useRef, useState } from 'preact/hooks';
import { strings } from '../i18n/strings.ts';
import { type ChatController, isAway } from '../sync/chat-controller.ts';
import { normalizeAccent, pickTextColor } from './accent-color.ts';
import { ChatPanel } from './chat-panel.tsx';
import { Launcher } from './launcher.tsx';
import { LiveAnnouncer } from './live-announcer.tsx';
import { useSnapshot } from './use-snapshot.ts';

interface WidgetAppProps {
  controller: ChatController;
  locale: string | undefined;
}

export function WidgetApp({ controller, locale }: WidgetAppProps) {
  const snapshot = useSnapshot(controller);
  const [draft, setDraft] = useState('');
  const launcherRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const shouldFocusInput = useRef(false);

  useEffect(() => {
    if (snapshot.isOpen && shouldFocusInput.current) {
      shouldFocusInput.current = false;
      inputRef.current?.focus();
    }
  }, [snapshot.isOpen]);

  const { config } = snapshot;
  const announcer = (
    <LiveAnnouncer announcement={snapshot.announcement} locale={locale} isAway={isAway(snapshot.availability)} />
  );
  if (!config) return announcer;

  const { appearance } = config;
  const accent = normalizeAccent(appearance.color);
  const title = appearance.title || config.inboxName || strings.defaultTitle;

  function closeAndReturnFocus() {
    controller.close();
    launcherRef.current?.focus();
  }

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key === 'Escape' && snapshot.isOpen) {
      event.stopPropagation();
      closeAndReturnFocus();
    }
  }

  function toggleFromLauncher() {
    shouldFocusInput.current = !snapshot.isOpen;
    controller.toggle();
  }

  return (
    <div
      class={appearance.position === 'left' ? 'root left' : 'root right'}
      lang={locale}
      style={{ '--parley-accent': accent, '--parley-on-accent': pickTextColor(accent) }}
    >
      <Launcher
        isOpen={snapshot.isOpen}
        text={appearance.launcherText}
        unreadCount={snapshot.unreadCount}
        buttonRef={launcherRef}
        onToggle={toggleFromLauncher}
        onKeyDown={closeOnEscape}
      />
      {snapshot.isOpen && (
        <ChatPanel
          snapshot={snapshot}
          title={title}
          greeting={appearance.greeting || strings.defaultGreeting}
          locale={locale}
          draft={draft}
          inputRef={inputRef}
          onDraftChange={setDraft}
          onSend={(body) => controller.send(body)}
          onRetry={(clientId) => {
            controller.retry(clientId);
            inputRef.current?.focus();
          }}
          onSaveEmail={(email) => void controller.saveEmail(email)}
          onClose={closeAndReturnFocus}
          onKeyDown={closeOnEscape}
        />
      )}
      {announcer}
    </div>
  );
}
