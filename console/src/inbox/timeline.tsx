import type { ConversationEvent } from '@parley/api/protocol';
import { useMemo, useRef } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import { useAppData } from '../app/use-app-data.ts';
import { useNow } from '../lib/use-now.ts';
import type { OutboxItem } from '../realtime/outbox.ts';
import { buildTimeline } from './build-timeline.ts';
import { TimelineAnnouncer } from './timeline-announcer.tsx';
import { TIMELINE_COMPONENTS } from './timeline-parts.tsx';
import { type TimelineContext, TimelineRowContent } from './timeline-row.tsx';
import { FIRST_ROW_INDEX, nextFirstIndex, rowIndexOfSeq, type TimelineRow, toTimelineRows } from './timeline-rows.ts';
import { useSeenReplySeq } from './typing-hooks.ts';
import { replySeqsOf } from './typing-seen.ts';
import { useKeepViewOnPrepend } from './use-keep-view-on-prepend.ts';
import { useOpenAtNewest } from './use-open-at-newest.ts';
import { useScrollToSeq } from './use-scroll-to-seq.ts';

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

/** Distance from the bottom (px) within which new messages keep the view scrolled down. */
const PIN_THRESHOLD_PX = 96;
/** Rows rendered beyond the visible area (px), so a scroll does not show blank space first. */
const OVERSCAN = { top: 800, bottom: 400 };
/**
 * A row's height before it is measured (about a one-line message). Given, Virtuoso lays out the rows
 * at once instead of first rendering one to measure it (a frame more on every open).
 */
const ESTIMATED_ROW_PX = 64;

/**
 * A conversation's history, virtualized (react-virtuoso): only the rows near the view are in the DOM.
 * Opens at the newest message (useOpenAtNewest) and stays pinned to it while at the bottom (and for the agent's own
 * sends); older pages load when the top is reached and join above without moving the view.
 */
export function Timeline(props: TimelineProps) {
  const { conversationId, events, outbox, hasMore, isLoadingOlder, onLoadOlder, onRetry, onDiscard } = props;
  const focusSeq = props.focusSeq ?? null;
  const { me } = useAppData();
  const now = useNow();
  const items = useMemo(() => buildTimeline(events, outbox, conversationId), [events, outbox, conversationId]);
  const rows = useMemo(() => toTimelineRows(items, !hasMore), [items, hasMore]);
  const seenSeq = useSeenReplySeq(conversationId, replySeqsOf(items));
  const virtuoso = useRef<VirtuosoHandle>(null);
  const scroller = useRef<HTMLElement | null>(null);
  const firstIndex = useFirstItemIndex(rows);
  const isOwnSendLast = useIsNewOwnSendLast(rows);
  const isPlacing = useOpenAtNewest(scroller, rows.length - 1);
  useKeepViewOnPrepend(scroller, virtuoso, rows);
  const highlightSeq = useScrollToSeq(
    virtuoso,
    scroller,
    focusSeq,
    focusSeq === null ? -1 : rowIndexOfSeq(rows, focusSeq),
  );

  const context = useMemo<TimelineContext>(
    () => ({ now, highlightSeq, seenSeq, hasMore, isLoadingOlder, onLoadOlder, onRetry, onDiscard }),
    [now, highlightSeq, seenSeq, hasMore, isLoadingOlder, onLoadOlder, onRetry, onDiscard],
  );

  const loadOlderAtTop = () => {
    // Not while placing: Virtuoso renders the oldest held rows first, before the view reaches the bottom.
    if (!isPlacing.current && hasMore && !isLoadingOlder) onLoadOlder();
  };

  return (
    <>
      <Virtuoso<TimelineRow, TimelineContext>
        ref={virtuoso}
        scrollerRef={(element) => {
          scroller.current = element instanceof HTMLElement ? element : null;
        }}
        className="timeline"
        data-testid="timeline"
        data-first-seq={firstSeqOf(rows)}
        data={rows}
        context={context}
        components={TIMELINE_COMPONENTS}
        computeItemKey={(_, row) => row.key}
        itemContent={(_, row, rowContext) => <TimelineRowContent row={row} context={rowContext} />}
        firstItemIndex={firstIndex}
        defaultItemHeight={ESTIMATED_ROW_PX}
        increaseViewportBy={OVERSCAN}
        atBottomThreshold={PIN_THRESHOLD_PX}
        followOutput={(isAtBottom) => (isAtBottom || isOwnSendLast.current ? 'auto' : false)}
        startReached={loadOlderAtTop}
        // startReached does not fire again for the same first row, so one ignored while placing would
        // be lost: reaching the top loads too.
        atTopStateChange={(isAtTop) => {
          if (isAtTop) loadOlderAtTop();
        }}
      />
      <TimelineAnnouncer items={items} myUserId={me.user.id} />
    </>
  );
}

/** Virtuoso's firstItemIndex: lowered by the rows each older page adds, so the view does not move. */
function useFirstItemIndex(rows: readonly TimelineRow[]): number {
  const state = useRef({ firstKey: rows[0]?.key, firstIndex: FIRST_ROW_INDEX });
  const firstIndex = nextFirstIndex(state.current, rows);
  state.current = { firstKey: rows[0]?.key, firstIndex };
  return firstIndex;
}

/** Whether the last row is a send of this agent that just joined (followed even when scrolled up). */
function useIsNewOwnSendLast(rows: readonly TimelineRow[]): { current: boolean } {
  const lastKey = useRef(rows.at(-1)?.key);
  const isNewOwnSend = useRef(false);
  const last = rows.at(-1);
  if (last?.key !== lastKey.current) {
    isNewOwnSend.current = last?.item.kind === 'outgoing';
    lastKey.current = last?.key;
  }
  return isNewOwnSend;
}

function firstSeqOf(rows: readonly TimelineRow[]): number | undefined {
  const first = rows[0]?.item;
  return first && first.kind !== 'outgoing' ? first.seq : undefined;
}
