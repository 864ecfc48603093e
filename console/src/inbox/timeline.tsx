import type { ConversationEvent } from '@parley/api/protocol';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { formatDayLabel, toDayKey } from '../lib/format-day.ts';
import { useNow } from '../lib/use-now.ts';
import type { OutboxItem } from '../realtime/outbox.ts';
import { Spinner } from '../ui/spinner.tsx';
import { buildTimeline, type TimelineItem } from './build-timeline.ts';
import { MessageItem, OutgoingItem, SystemLine } from './timeline-items.tsx';

interface TimelineProps {
  conversationId: string;
  events: readonly ConversationEvent[];
  outbox: readonly OutboxItem[];
  hasMore: boolean;
  isLoadingOlder: boolean;
  onLoadOlder(): void;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

/** Distance from the bottom (px) within which new messages keep the view scrolled down. */
const PIN_THRESHOLD_PX = 96;

export function Timeline(props: TimelineProps) {
  const { conversationId, events, outbox, hasMore, isLoadingOlder, onLoadOlder, onRetry, onDiscard } = props;
  const now = useNow();
  const items = useMemo(() => buildTimeline(events, outbox, conversationId), [events, outbox, conversationId]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const isPinnedRef = useRef(true);
  const previousRef = useRef<{ firstKey?: string; lastKey?: string; scrollHeight: number } | null>(null);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const previous = previousRef.current;
    const firstKey = items[0]?.key;
    const last = items.at(-1);
    const hasPrepended = previous !== null && previous.firstKey !== firstKey && previous.lastKey === last?.key;
    const hasNewOwnMessage = last?.kind === 'outgoing' && last.key !== previous?.lastKey;
    if (hasPrepended) {
      element.scrollTop += element.scrollHeight - previous.scrollHeight;
    } else if (previous === null || isPinnedRef.current || hasNewOwnMessage) {
      element.scrollTop = element.scrollHeight;
    }
    previousRef.current = { firstKey, lastKey: last?.key, scrollHeight: element.scrollHeight };
  }, [items]);

  function handleScroll() {
    const element = scrollRef.current;
    if (!element) return;
    isPinnedRef.current = element.scrollHeight - element.scrollTop - element.clientHeight < PIN_THRESHOLD_PX;
  }

  return (
    <div className="timeline" ref={scrollRef} onScroll={handleScroll}>
      {hasMore ? (
        <div className="timeline__older">
          <button type="button" className="btn btn--ghost btn--sm" onClick={onLoadOlder} disabled={isLoadingOlder}>
            {isLoadingOlder ? <Spinner size="sm" /> : null}
            {isLoadingOlder ? 'Loading…' : 'Load earlier messages'}
          </button>
        </div>
      ) : null}
      <div role="log" aria-label="Messages" aria-live="polite">
        <ol className="timeline__list">
          {withDayDividers(items).map((row) =>
            row.kind === 'day' ? (
              <li key={row.key} className="day-divider">
                <span>{formatDayLabel(row.at, now)}</span>
              </li>
            ) : (
              <TimelineRow key={row.key} item={row} onRetry={onRetry} onDiscard={onDiscard} />
            ),
          )}
        </ol>
      </div>
    </div>
  );
}

interface TimelineRowProps {
  item: TimelineItem;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

function TimelineRow({ item, onRetry, onDiscard }: TimelineRowProps) {
  switch (item.kind) {
    case 'message':
      return <MessageItem message={item.message} />;
    case 'outgoing':
      return <OutgoingItem item={item.item} onRetry={onRetry} onDiscard={onDiscard} />;
    case 'system':
      return <SystemLine text={item.text} at={item.at} seq={item.seq} />;
  }
}

type Row = TimelineItem | { kind: 'day'; key: string; at: string };

function withDayDividers(items: TimelineItem[]): Row[] {
  const rows: Row[] = [];
  let currentDay: string | null = null;
  for (const item of items) {
    const at = timeOf(item);
    const day = toDayKey(at);
    if (day !== currentDay) {
      rows.push({ kind: 'day', key: `day-${day}`, at });
      currentDay = day;
    }
    rows.push(item);
  }
  return rows;
}

function timeOf(item: TimelineItem): string {
  switch (item.kind) {
    case 'message':
      return item.message.createdAt;
    case 'outgoing':
      return item.item.createdAt;
    case 'system':
      return item.at;
  }
}
