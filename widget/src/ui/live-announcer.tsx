import { strings } from '../i18n/strings.ts';
import type { Announcement } from '../sync/chat-controller.ts';
import { describeAway, describeQueue } from './routing-text.ts';

interface LiveAnnouncerProps {
  announcement: Announcement | null;
  locale?: string | undefined;
  /** Nobody can answer now: places in line are read without the estimate, as the queue line shows them. */
  isAway?: boolean;
}

function describeAnnouncement({ announcement, locale, isAway }: LiveAnnouncerProps & { announcement: Announcement }) {
  switch (announcement.kind) {
    case 'message':
      return strings.newMessage(announcement.name ?? strings.agent, announcement.body);
    case 'queue':
      return describeQueue(announcement.position, isAway ? null : announcement.estimatedWaitSeconds);
    case 'assigned':
      return strings.joined(announcement.name);
    case 'away':
      return describeAway(announcement.nextOpenAt, new Date(), locale);
  }
}

/**
 * A polite live region that reads out, open or closed, each new agent message, each new place in
 * line (not every change of the estimate), an agent joining, and that nobody can answer now.
 */
export function LiveAnnouncer(props: LiveAnnouncerProps) {
  const { announcement } = props;
  return (
    <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="parley-announcer">
      {announcement && <span key={announcement.id}>{describeAnnouncement({ ...props, announcement })}</span>}
    </div>
  );
}
