import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { strings } from '../i18n/strings.ts';
import type { TimelineItem, TimelineNotice } from '../sync/timeline.ts';
import { describeDay, localDay, localIsoDate } from './day-label.ts';
import { MessageItem } from './message-item.tsx';

interface MessageListProps {
  items: TimelineItem[];
  greeting: string;
  greetingFrom: string;
  locale: string | undefined;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

function describeNotice(notice: TimelineNotice): string {
  switch (notice.notice) {
    case 'assigned':
      return strings.joined(notice.text);
    case 'resolved':
      return strings.resolved;
    case 'reopened':
      return strings.reopened;
    case 'system':
      return notice.text;
  }
}

function createTimeFormat(locale: string | undefined): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  } catch {
    return new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
  }
}

export function MessageList({ items, greeting, greetingFrom, locale, onRetry, onDiscard }: MessageListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const timeFormat = useMemo(() => createTimeFormat(locale), [locale]);
  const lastKey = items.at(-1)?.key;
  const now = new Date();
  let shownDay: number | undefined;

  useLayoutEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [lastKey, items.length]);

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <ol class="messages" ref={listRef} aria-label={strings.messagesLabel} tabIndex={0}>
      {items.length === 0 && (
        <li class="greeting" data-testid="parley-greeting">
          <span class="greeting-from">{greetingFrom}</span>
          {greeting}
        </li>
      )}
      {items.map((item, index) => {
        if (item.kind === 'notice') {
          return (
            <li key={item.key} class="notice" data-testid="parley-notice">
              {describeNotice(item)}
            </li>
          );
        }
        const previous = items[index - 1];
        const startsRun =
          previous?.kind !== 'message' || previous.sender !== item.sender || previous.name !== item.name;
        const date = new Date(item.createdAt);
        const day = localDay(date);
        const startsDay = !Number.isNaN(day) && day !== shownDay;
        if (startsDay) shownDay = day;
        const message = (
          <MessageItem
            key={item.key}
            item={item}
            startsRun={startsRun}
            timeFormat={timeFormat}
            onRetry={onRetry}
            onDiscard={onDiscard}
          />
        );
        if (!startsDay) return message;
        return [
          <li key={`day:${day}`} class="day" data-testid="parley-day">
            <time dateTime={localIsoDate(date)}>{describeDay(date, now, locale)}</time>
          </li>,
          message,
        ];
      })}
    </ol>
  );
}
