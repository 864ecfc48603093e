import type { Message } from '@parley/api/protocol';
import { AttachmentList } from '../attachments/attachment-list.tsx';
import { formatClockTime, formatFullTime } from '../lib/format-time.ts';
import type { OutboxItem } from '../realtime/outbox.ts';
import { NoteBody, NoteLabel } from './note-body.tsx';

// Bodies and names are rendered as React text children only: never as HTML.

export function MessageItem({
  message,
  isHighlighted = false,
  isSeen = false,
}: {
  message: Message;
  isHighlighted?: boolean;
  /** The last reply the visitor has read: "Seen" beside its time. */
  isSeen?: boolean;
}) {
  const isAgent = message.sender.type === 'agent';
  const isNote = message.kind === 'note';
  return (
    <div
      className={`message message--${isAgent ? 'agent' : 'visitor'}${isNote ? ' message--note' : ''}${isHighlighted ? ' message--highlighted' : ''}`}
      data-kind={isNote ? 'note' : 'reply'}
      data-testid="message"
      data-seq={message.seq}
      data-highlighted={isHighlighted ? 'true' : undefined}
      data-status="sent"
      data-sender={isAgent ? 'agent' : 'visitor'}
    >
      <div className="message__bubble">
        {isNote ? <NoteLabel /> : null}
        {isNote ? <NoteBody body={message.body} /> : <p className="message__body">{message.body}</p>}
      </div>
      <AttachmentList attachments={message.attachments} />
      <div className="message__meta">
        {isAgent ? <span className="message__author">{message.sender.name ?? 'Agent'}</span> : null}
        <time dateTime={message.createdAt} title={formatFullTime(message.createdAt)}>
          {formatClockTime(message.createdAt)}
        </time>
        {isSeen ? (
          <span className="message__seen" data-testid="message-seen">
            · Seen
          </span>
        ) : null}
      </div>
    </div>
  );
}

interface OutgoingItemProps {
  item: OutboxItem;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

export function OutgoingItem({ item, onRetry, onDiscard }: OutgoingItemProps) {
  const isFailed = item.status === 'failed';
  return (
    <div
      className={`message message--agent message--${item.status}${item.kind === 'note' ? ' message--note' : ''}`}
      data-kind={item.kind ?? 'reply'}
      data-testid="message"
      data-status={item.status}
      data-sender="agent"
      data-client-id={item.clientId}
    >
      <div className="message__bubble">
        {item.kind === 'note' ? <NoteLabel /> : null}
        <p className="message__body">{item.body}</p>
      </div>
      <AttachmentList attachments={item.attachments} />
      <div className="message__meta">
        {isFailed ? (
          <>
            <span className="message__failed" title={item.error ?? undefined}>
              Not sent
            </span>
            <span aria-hidden="true">·</span>
            <button type="button" className="link-button" onClick={() => onRetry(item.clientId)} data-testid="retry">
              Retry
            </button>
            <span aria-hidden="true">·</span>
            <button type="button" className="link-button link-button--muted" onClick={() => onDiscard(item.clientId)}>
              Discard
            </button>
          </>
        ) : (
          <span className="message__pending">Sending…</span>
        )}
      </div>
      {isFailed && item.error ? <p className="message__error-detail">{item.error}</p> : null}
    </div>
  );
}

interface SystemLineProps {
  text: string;
  at: string;
  seq: number;
  isHighlighted?: boolean;
}

export function SystemLine({ text, at, seq, isHighlighted = false }: SystemLineProps) {
  return (
    <div
      className={`system-line${isHighlighted ? ' system-line--highlighted' : ''}`}
      data-testid="system-line"
      data-seq={seq}
      data-highlighted={isHighlighted ? 'true' : undefined}
    >
      <span className="system-line__text">{text}</span>
      <time className="system-line__time" dateTime={at} title={formatFullTime(at)}>
        {formatClockTime(at)}
      </time>
    </div>
  );
}
