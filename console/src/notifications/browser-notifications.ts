export type NotificationPermissionState = NotificationPermission | 'unsupported';

export function notificationPermission(): NotificationPermissionState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asked only from a button the agent pressed, never on load. */
export async function askNotificationPermission(): Promise<NotificationPermissionState> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

/** A system notification; clicking it brings the tab forward and runs `onClick` (open the conversation). */
export function showBrowserNotification(options: {
  title: string;
  body: string;
  tag: string;
  onClick?: () => void;
}): void {
  if (notificationPermission() !== 'granted') return;
  try {
    const notification = new Notification(options.title, { body: options.body, tag: options.tag });
    notification.onclick = () => {
      window.focus();
      options.onClick?.();
      notification.close();
    };
  } catch {
    // Some browsers only allow notifications from a service worker; the sound and the title still tell.
  }
}
