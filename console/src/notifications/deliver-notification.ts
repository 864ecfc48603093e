import type { Preferences } from '@parley/api/protocol';
import { showBrowserNotification } from './browser-notifications.ts';
import type { NotificationIntent } from './notify-decision.ts';
import { playNotificationSound } from './play-notification-sound.ts';

/** Sends one intent down the channels the agent left on; says whether it counts in the tab title. */
export function deliverNotification(
  intent: NotificationIntent,
  preferences: Preferences,
  openConversation: (conversationId: string) => void,
): { countsInTitle: boolean } {
  const channels = preferences.notifications[intent.kind];
  if (channels.browser)
    showBrowserNotification({
      title: intent.title,
      body: intent.body,
      tag: intent.tag,
      onClick: () => openConversation(intent.conversationId),
    });
  if (channels.sound) playNotificationSound();
  return { countsInTitle: channels.titleCount };
}
