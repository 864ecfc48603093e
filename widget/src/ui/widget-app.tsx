import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatSurface } from '../chat/chat-contract.ts';
import { strings } from '../i18n/strings.ts';
import type { SoundPreference } from '../notify/sound-preference.ts';
import { type ChatController, isAway } from '../sync/chat-controller.ts';
import { ChatPanel } from './chat-panel.tsx';
import { LiveAnnouncer } from './live-announcer.tsx';
import { useSnapshot } from './use-snapshot.ts';

interface WidgetAppProps {
  controller: ChatController;
  /** <parley-widget>, whose launcher (drawn by widget.js) gets the focus back when the panel closes. */
  surface: ChatSurface;
  locale: string | undefined;
  /** Set when the visitor opens the panel from the launcher: the composer gets the focus. */
  focusComposerOnOpen: RefObject<boolean>;
  /** The visitor's mute toggle; null when the site turned sound off. */
  soundPreference: SoundPreference | null;
}

/** The panel and the live region; the launcher beside them belongs to the element (see mount-chat.ts). */
export function WidgetApp({ controller, surface, locale, focusComposerOnOpen, soundPreference }: WidgetAppProps) {
  const snapshot = useSnapshot(controller);
  const [draft, setDraft] = useState('');
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const { isOpen, config } = snapshot;

  useEffect(() => {
    if (isOpen && focusComposerOnOpen.current) {
      focusComposerOnOpen.current = false;
      inputRef.current?.focus();
    }
  }, [isOpen, focusComposerOnOpen]);

  const title = config.appearance.title || config.inboxName || strings.defaultTitle;

  function closeAndReturnFocus() {
    controller.close();
    surface.focusLauncher();
  }

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      closeAndReturnFocus();
    }
  }

  // One shape open or closed, so the live region stays the same node.
  return (
    <>
      {isOpen && (
        <ChatPanel
          snapshot={snapshot}
          title={title}
          greeting={config.appearance.greeting || strings.defaultGreeting}
          locale={locale}
          soundPreference={soundPreference}
          draft={draft}
          inputRef={inputRef}
          onDraftChange={(value) => {
            setDraft(value);
            controller.typing?.input(value);
          }}
          onSend={(body) => controller.send(body)}
          onSendAttachment={(attachment) => controller.send('', [attachment])}
          onRetry={(clientId) => {
            controller.retry(clientId);
            inputRef.current?.focus();
          }}
          onDiscard={(clientId) => {
            // The button goes with the message: the focus goes to the composer rather than nowhere.
            controller.discard(clientId);
            inputRef.current?.focus();
          }}
          onSaveEmail={(email) => void controller.saveEmail(email)}
          onClose={closeAndReturnFocus}
          onKeyDown={closeOnEscape}
        />
      )}
      <LiveAnnouncer announcement={snapshot.announcement} locale={locale} isAway={isAway(snapshot.availability)} />
    </>
  );
}
