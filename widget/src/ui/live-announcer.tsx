import { strings } from '../i18n/strings.ts';
import type { WidgetSnapshot } from '../sync/chat-controller.ts';

/** A polite live region that reads out each new agent message, open or closed. */
export function LiveAnnouncer({ announcement }: { announcement: WidgetSnapshot['announcement'] }) {
  return (
    <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="parley-announcer">
      {announcement && (
        <span key={announcement.id}>{strings.newMessage(announcement.name ?? strings.agent, announcement.body)}</span>
      )}
    </div>
  );
}
