import { useState } from 'react';
import {
  askNotificationPermission,
  type NotificationPermissionState,
  notificationPermission,
  showBrowserNotification,
} from '../notifications/browser-notifications.ts';
import { playNotificationSound } from '../notifications/play-notification-sound.ts';
import { AlertIcon, CheckIcon } from '../ui/icons.tsx';

const DESCRIPTIONS: Record<NotificationPermissionState, string> = {
  granted: 'Browser notifications are allowed for this console.',
  default: 'Your browser will ask before the console can show notifications.',
  denied: 'Notifications are blocked for this site. Allow them in your browser’s site settings.',
  unsupported: 'This browser cannot show notifications. Sound and the tab title still work.',
};

/** Asks for the notification permission (only when the agent presses the button) and sends a test. */
export function ProfileNotificationPermission() {
  const [permission, setPermission] = useState(notificationPermission);
  const [testNote, setTestNote] = useState('');

  async function handleAsk() {
    setPermission(await askNotificationPermission());
  }

  function handleTest() {
    showBrowserNotification({
      title: 'Parley test notification',
      body: 'This is how new conversations, messages and mentions reach you.',
      tag: 'parley-test',
    });
    playNotificationSound();
    setTestNote(
      permission === 'granted'
        ? 'Test sent: you should see a notification and hear a sound.'
        : 'Test sound played. Allow notifications to see them too.',
    );
  }

  return (
    <div className={`profile-permission profile-permission--${permission}`} data-testid="profile-permission">
      <span className="profile-permission__icon" aria-hidden="true">
        {permission === 'granted' ? <CheckIcon size={16} /> : <AlertIcon size={16} />}
      </span>
      <div className="profile-permission__text">
        <p>{DESCRIPTIONS[permission]}</p>
        <p className="profile-permission__note" role="status">
          {testNote}
        </p>
      </div>
      <div className="profile-permission__actions">
        {permission === 'default' ? (
          <button
            type="button"
            className="btn btn--secondary btn--sm"
            onClick={() => void handleAsk()}
            data-testid="profile-permission-ask"
          >
            Allow notifications
          </button>
        ) : null}
        <button type="button" className="btn btn--ghost btn--sm" onClick={handleTest} data-testid="profile-notify-test">
          Send a test notification
        </button>
      </div>
    </div>
  );
}
