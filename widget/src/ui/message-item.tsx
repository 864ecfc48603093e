import { LazyAttachments } from '../attachments/lazy-attachments.tsx';
import { strings } from '../i18n/strings.ts';
import type { TimelineMessage } from '../sync/timeline.ts';
import { lazyComponent } from './lazy-component.tsx';
import { MessageText } from './message-text.tsx';

/** Why a send was refused, with Retry and Discard: only a refused message fetches it (widget-chat.send-failure-<hash>.js). */
const SendFailure = lazyComponent(() => import('./send-failure.tsx').then((module) => module.SendFailure));

interface MessageItemProps {
  item: TimelineMessage;
  /** First message of a run by the same sender: show the agent's name and a little space. */
  startsRun: boolean;
  timeFormat: Intl.DateTimeFormat;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

function formatTime(format: Intl.DateTimeFormat, iso: string): string | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : format.format(date);
}

/** One message. The body is text nodes and safe links: never parsed as HTML. */
export function MessageItem({ item, startsRun, timeFormat, onRetry, onDiscard }: MessageItemProps) {
  const classes = ['item', item.sender, item.status, startsRun ? 'starts-run' : ''].join(' ');
  const { clientId } = item;
  const locale = timeFormat.resolvedOptions().locale;
  return (
    <li
      class={classes}
      data-testid="parley-message"
      data-sender={item.sender}
      data-status={item.status}
      data-seq={item.seq ?? undefined}
    >
      {item.sender === 'agent' && startsRun && <span class="sender">{item.name ?? strings.agent}</span>}
      {item.body && (
        <div class={`bubble is-${item.status}`} title={formatTime(timeFormat, item.createdAt)}>
          <MessageText text={item.body} />
        </div>
      )}
      {item.attachments && <LazyAttachments view="AttachmentList" props={{ attachments: item.attachments, locale }} />}
      {item.status === 'pending' && <div class="status">{strings.sending}</div>}
      {item.seen && (
        <div class="status" data-testid="parley-seen">
          {strings.seen}
        </div>
      )}
      {item.status === 'failed' && clientId && (
        <SendFailure
          clientId={clientId}
          code={item.errorCode}
          locale={locale}
          onRetry={onRetry}
          onDiscard={onDiscard}
        />
      )}
    </li>
  );
}
