import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useConsoleStore } from '../realtime/console-store-context.tsx';
import { deliverNotification } from './deliver-notification.ts';
import { decideNotifications } from './notify-decision.ts';
import { getPreferences, loadPreferencesOnce, usePreferences } from './preferences-store.ts';
import { addUnseen, formatTitle, markSeen, NO_UNSEEN, totalUnseen } from './title-count.ts';
import { useAutoAway } from './use-auto-away.ts';
import { usePageVisible } from './use-page-visibility.ts';

const CONVERSATION_PATH = /^\/conversations\/([^/]+)/;

/**
 * Tells the agent about new conversations, visitor messages in theirs and mentions (browser notification,
 * sound, "(3) Parley" in the tab title, as their preferences say), and runs auto-away. Renders nothing.
 */
export function ConsoleNotifier({ myUserId }: { myUserId: string }) {
  const store = useConsoleStore();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const isVisible = usePageVisible();
  const preferences = usePreferences();
  const [unseen, setUnseen] = useState(NO_UNSEEN);
  const openId = CONVERSATION_PATH.exec(pathname)?.[1] ?? null;
  const watchingRef = useRef<string | null>(null);
  watchingRef.current = isVisible ? openId : null;

  useEffect(() => void loadPreferencesOnce(), []);
  useAutoAway(preferences.autoAwayMinutes);

  const openConversation = useCallback((id: string) => navigate(`/conversations/${id}`), [navigate]);

  useEffect(
    () =>
      store.onFrame((frame, before) => {
        const intents = decideNotifications(frame, {
          myUserId,
          knownConversation: (id) => before.cache.conversations.get(id)?.summary,
          isWatching: (id) => watchingRef.current === id,
          now: Date.now(),
        });
        for (const intent of intents) {
          const { countsInTitle } = deliverNotification(intent, getPreferences(), openConversation);
          if (countsInTitle) setUnseen((counts) => addUnseen(counts, intent.conversationId));
        }
      }),
    [store, myUserId, openConversation],
  );

  useEffect(() => {
    if (isVisible) setUnseen((counts) => markSeen(counts, openId));
  }, [isVisible, openId]);

  const count = totalUnseen(unseen);
  useEffect(() => {
    document.title = formatTitle(document.title, count);
  }, [count]);
  useEffect(
    () => () => {
      document.title = formatTitle(document.title, 0);
    },
    [],
  );

  return null;
}
