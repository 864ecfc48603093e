import type { ConversationEvent } from '@parley/api/protocol';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatDayLabel, toDayKey } from '../lib/format-day.ts';
import { useNow } from '../lib/use-now.ts';
import type { OutboxItem } from '../realtime/outbox.ts';
import { Spinner } from '../ui/spinner.tsx';
import { buildTimeline, type TimelineItem } from './build-timeline.ts';
import { RatingItem } from './rating-item.tsx';
import { MessageItem, OutgoingItem, SystemLine } from './timeline-items.tsx';
import { useSeenReplySeq } from './typing-hooks.ts';
import { replySeqsOf } from './typing-seen.ts';

interface TimelineProps {
  conversationId: string;
  events: readonly ConversationEvent[];
  outbox: readonly OutboxItem[];
  hasMore: boolean;
  isLoadingOlder: boolean;
  onLoadOlder(): void;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
  /** Scroll to this seq once it is shown, focus it and highlight it briefly (opened at a search hit). */
  focusSeq?: number | null;
}

/** How long a message opened from search stays highlighted. */
const HIGHLIGHT_MS = 3000;

/** Distance from the bottom (px) within which new messages keep the view scrolled down. */
const PIN_THRESHOLD_PX = 96;

export function Timeline(props: TimelineProps) {
  const { conversationId, events, outbox, hasMore, isLoadingOlder, onLoadOlder, onRetry, onDiscard } = props;
  const focusSeq = props.focusSeq ?? null;
  const now = useNow();
  const items = useMemo(() => buildTimeline(events, outbox, conversationId), [events, outbox, conversationId]);
  const seenSeq = useSeenReplySeq(conversationId, replySeqsOf(items));
  const scrollRef = useRef<HTMLDivElement>(null);
  const isPinnedRef = useRef(true);
  const previousRef = useRef<{ firstKey?: string; lastKey?: string; scrollHeight: number } | null>(null);
  const focusedSeqRef = useRef<number | null>(null);
  const [highlightSeq, setHighlightSeq] = useState<number | null>(null);

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

  // After the pinning above: once the focused seq is rendered, centre it, once per seq.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element || focusSeq === null || focusedSeqRef.current === focusSeq) return;
    const row = element.querySelector<HTMLElement>(`[data-seq="${focusSeq}"]`);
    if (!row) return;
    focusedSeqRef.current = focusSeq;
    scrollToCenter(element, row);
    isPinnedRef.current = false;
    // Keyboard and screen-reader users land on the message too (a row is not a tab stop otherwise).
    row.setAttribute('tabindex', '-1');
    row.focus({ preventScroll: true });
    setHighlightSeq(focusSeq);
  }, [items, focusSeq]);

  useEffect(() => {
    if (highlightSeq === null) return;
    const timer = setTimeout(() => setHighlightSeq(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlightSeq]);

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
              <TimelineRow
                key={row.key}
                item={row}
                isHighlighted={row.kind !== 'outgoing' && row.seq === highlightSeq}
                isSeen={row.kind === 'message' && row.seq === seenSeq}
                onRetry={onRetry}
                onDiscard={onDiscard}
              />
            ),
          )}
        </ol>
      </div>
    </div>
  );
}

interface TimelineRowProps {
  item: TimelineItem;
  isHighlighted: boolean;
  isSeen: boolean;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

function TimelineRow({ item, isHighlighted, isSeen, onRetry, onDiscard }: TimelineRowProps) {
  switch (item.kind) {
    case 'message':
      return <MessageItem message={item.message} isHighlighted={isHighlighted} isSeen={isSeen} />;
    case 'outgoing':
      return <OutgoingItem item={item.item} onRetry={onRetry} onDiscard={onDiscard} />;
    case 'system':
      return <SystemLine text={item.text} at={item.at} seq={item.seq} isHighlighted={isHighlighted} />;
    case 'rating':
      return <RatingItem rating={item.rating} comment={item.comment} at={item.at} seq={item.seq} />;
  }
}

/** Scrolls the timeline so the row sits in the middle of it (or as low as the history allows). */
function scrollToCenter(container: HTMLElement, row: HTMLElement) {
  const rowBox = row.getBoundingClientRect();
  const top = rowBox.top - container.getBoundingClientRect().top + container.scrollTop;
  container.scrollTop = Math.max(0, top - (container.clientHeight - rowBox.height) / 2);
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
    case 'rating':
      return item.at;
  }
}
