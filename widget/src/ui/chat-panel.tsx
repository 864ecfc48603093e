import type { Attachment, ReplyTime } from '@parley/api/protocol';
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { LazyAttachments } from '../attachments/lazy-attachments.tsx';
import { type FileIntake, useFileIntake } from '../attachments/use-file-intake.ts';
import { HistoryButton } from '../csat/history-button.tsx';
import { LazyView } from '../csat/lazy-view.tsx';
import { strings } from '../i18n/strings.ts';
import type { SoundPreference } from '../notify/sound-preference.ts';
import { PreChatGate } from '../pre-chat/pre-chat-gate.tsx';
import { isAway, type WidgetSnapshot } from '../sync/chat-controller.ts';
import { Composer } from './composer.tsx';
import { ConnectionLine } from './connection-line.tsx';
import { CloseIcon } from './icons.tsx';
import { lazyComponent } from './lazy-component.tsx';
import { MessageList } from './message-list.tsx';
import { MuteToggle } from './mute-toggle.tsx';
import { QueueLine } from './queue-line.tsx';
import { TypingLine } from './typing-line.tsx';

/** Shown only when the api refused the visitor's identity (widget-chat.sign-in-notice-<hash>.js). */
const SignInNotice = lazyComponent(() => import('./sign-in-notice.tsx').then((module) => module.SignInNotice));

/** Shown only while nobody answers; its email form is fetched then (widget-chat.away-notice-<hash>.js). */
const AwayNotice = lazyComponent(() => import('./away-notice.tsx').then((module) => module.AwayNotice));

/** "We’re online · Typically replies in a few minutes"; the first half alone when the usual reply time is unknown. */
function describeOnline(replyTime: ReplyTime | null): string {
  if (!replyTime) return strings.online;
  const estimate = { minutes: strings.replyInMinutes, hours: strings.replyInHours, day: strings.replyInDay }[replyTime];
  return `${strings.online} · ${estimate}`;
}

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
  onSendAttachment(attachment: Attachment): void;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
  onSaveEmail(email: string): void;
  onClose(): void;
  onKeyDown(event: KeyboardEvent): void;
}

export function ChatPanel(props: ChatPanelProps) {
  const { snapshot, title } = props;
  const { availability } = snapshot;
  const isTeamAway = isAway(availability);
  const [isHistory, setHistory] = useState(false);
  const intake = useFileIntake();
  return (
    <section
      class="panel"
      id="parley-panel"
      role="dialog"
      aria-label={title}
      data-testid="parley-panel"
      data-availability={availability === null ? 'unknown' : isTeamAway ? 'away' : 'open'}
      onKeyDown={props.onKeyDown}
      onDragOver={intake.onDragOver}
      onDrop={intake.onDrop}
    >
      <div class="header">
        {snapshot.config.appearance.logoUrl && <img class="logo" src={snapshot.config.appearance.logoUrl} alt="" />}
        <div class="heading">
          <h2 class="title">{title}</h2>
          {availability && !isTeamAway && (
            <p class="online" data-testid="parley-online">
              {describeOnline(snapshot.config.replyTime)}
            </p>
          )}
        </div>
        <HistoryButton isOn={isHistory} onToggle={() => setHistory(!isHistory)} />
        {props.soundPreference && <MuteToggle preference={props.soundPreference} />}
        <button type="button" class="icon-button" aria-label={strings.closeChat} onClick={props.onClose}>
          <CloseIcon />
        </button>
      </div>
      {snapshot.identityProblem ? (
        <SignInNotice problem={snapshot.identityProblem} locale={props.locale} />
      ) : isHistory ? (
        <LazyView view="HistoryView" props={{ locale: props.locale, onBack: () => setHistory(false) }} />
      ) : (
        <ChatBody {...props} intake={intake} />
      )}
    </section>
  );
}

/** The chat itself: away notice, messages, place in line, connection state and composer. */
function ChatBody(props: ChatPanelProps & { intake: FileIntake }) {
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
      <PreChatGate
        form={snapshot.config.appearance.preChatForm}
        isBeforeFirstMessage={snapshot.timeline.length === 0}
        locale={props.locale}
      >
        <MessageList
          items={snapshot.timeline}
          greeting={props.greeting}
          greetingFrom={title}
          locale={props.locale}
          onRetry={props.onRetry}
          onDiscard={props.onDiscard}
        />
        <TypingLine name={snapshot.typingName} />
        <QueueLine queue={snapshot.queue} isAway={isTeamAway} />
        <ConnectionLine state={snapshot.connection} isUnavailable={snapshot.isUnavailable} />
        {snapshot.endedId && <LazyView view="EndCard" props={{ id: snapshot.endedId, locale: props.locale }} />}
        {props.intake.files.length > 0 && (
          <LazyAttachments
            view="UploadTray"
            props={{
              files: props.intake.files,
              locale: props.locale,
              onUploaded: props.onSendAttachment,
              onRemove: props.intake.remove,
            }}
          />
        )}
        <Composer
          onFiles={props.intake.add}
          draft={props.draft}
          inputRef={props.inputRef}
          onDraftChange={props.onDraftChange}
          onSend={props.onSend}
        />
      </PreChatGate>
    </>
  );
}
