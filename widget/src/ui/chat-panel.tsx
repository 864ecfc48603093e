import type { Ref } from 'preact';
import { strings } from '../i18n/strings.ts';
import type { SoundPreference } from '../notify/sound-preference.ts';
import { isAway, type WidgetSnapshot } from '../sync/chat-controller.ts';
import { AwayNotice } from './away-notice.tsx';
import { Composer } from './composer.tsx';
import { ConnectionLine } from './connection-line.tsx';
import { CloseIcon } from './icons.tsx';
import { MessageList } from './message-list.tsx';
import { MuteToggle } from './mute-toggle.tsx';
import { QueueLine } from './queue-line.tsx';
import { SignInNotice } from './sign-in-notice.tsx';

interface ChatPanelProps {
  snapshot: WidgetSnapshot;
  title: string;
  greeting: string;
  locale: string | undefined;
  soundPreference: SoundPreference | null;
  draft: string;
  inputRef: Ref<HTMLTextAreaElement>;
  onDraftChange(draft: string): void;
  onSend(body: string): boolean;
  onRetry(clientId: string): void;
  onSaveEmail(email: string): void;
  onClose(): void;
  onKeyDown(event: KeyboardEvent): void;
}

export function ChatPanel(props: ChatPanelProps) {
  const { snapshot, title } = props;
  const { availability } = snapshot;
  const isTeamAway = isAway(availability);
  return (
    <section
      class="panel"
      id="parley-panel"
      role="dialog"
      aria-label={title}
      data-testid="parley-panel"
      data-availability={availability === null ? 'unknown' : isTeamAway ? 'away' : 'open'}
      onKeyDown={props.onKeyDown}
    >
      <div class="header">
        <h2 class="title">{title}</h2>
        {props.soundPreference && <MuteToggle preference={props.soundPreference} />}
        <button type="button" class="icon-button" aria-label={strings.closeChat} onClick={props.onClose}>
          <CloseIcon />
        </button>
      </div>
      {snapshot.identityProblem ? <SignInNotice problem={snapshot.identityProblem} /> : <ChatBody {...props} />}
    </section>
  );
}

/** The chat itself: away notice, messages, place in line, connection state and composer. */
function ChatBody(props: ChatPanelProps) {
  const { snapshot, title } = props;
  const { availability } = snapshot;
  const isTeamAway = isAway(availability);
  return (
    <>
      {isTeamAway && availability && (
        <AwayNotice
          nextOpenAt={availability.nextOpenAt}
          locale={props.locale}
          contact={snapshot.contact}
          onSaveEmail={props.onSaveEmail}
        />
      )}
      <MessageList
        items={snapshot.timeline}
        greeting={props.greeting}
        greetingFrom={title}
        locale={props.locale}
        onRetry={props.onRetry}
      />
      <QueueLine queue={snapshot.queue} isAway={isTeamAway} />
      <ConnectionLine state={snapshot.connection} isUnavailable={snapshot.isUnavailable} />
      <Composer
        draft={props.draft}
        inputRef={props.inputRef}
        onDraftChange={props.onDraftChange}
        onSend={props.onSend}
      />
    </>
  );
}
