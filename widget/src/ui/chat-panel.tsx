import type { Ref } from 'preact';
import { strings } from '../i18n/strings.ts';
import type { WidgetSnapshot } from '../sync/chat-controller.ts';
import { Composer } from './composer.tsx';
import { ConnectionLine } from './connection-line.tsx';
import { CloseIcon } from './icons.tsx';
import { MessageList } from './message-list.tsx';

interface ChatPanelProps {
  snapshot: WidgetSnapshot;
  title: string;
  greeting: string;
  locale: string | undefined;
  draft: string;
  inputRef: Ref<HTMLTextAreaElement>;
  onDraftChange(draft: string): void;
  onSend(body: string): boolean;
  onRetry(clientId: string): void;
  onClose(): void;
  onKeyDown(event: KeyboardEvent): void;
}

export function ChatPanel(props: ChatPanelProps) {
  const { snapshot, title } = props;
  return (
    <section
      class="panel"
      id="parley-panel"
      role="dialog"
      aria-label={title}
      data-testid="parley-panel"
      onKeyDown={props.onKeyDown}
    >
      <div class="header">
        <h2 class="title">{title}</h2>
        <button type="button" class="icon-button" aria-label={strings.closeChat} onClick={props.onClose}>
          <CloseIcon />
        </button>
      </div>
      <MessageList
        items={snapshot.timeline}
        greeting={props.greeting}
        greetingFrom={title}
        locale={props.locale}
        onRetry={props.onRetry}
      />
      <ConnectionLine state={snapshot.connection} isUnavailable={snapshot.isUnavailable} />
      <Composer
        draft={props.draft}
        inputRef={props.inputRef}
        onDraftChange={props.onDraftChange}
        onSend={props.onSend}
      />
    </section>
  );
}
