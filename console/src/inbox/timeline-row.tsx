import { formatDayLabel } from '../lib/format-day.ts';
import { RatingItem } from './rating-item.tsx';
import { MessageItem, OutgoingItem, SystemLine } from './timeline-items.tsx';
import type { TimelineRow as Row } from './timeline-rows.ts';

/** What every row of the timeline needs besides its own item (Virtuoso's `context`). */
export interface TimelineContext {
  now: Date;
  highlightSeq: number | null;
  seenSeq: number | null;
  hasMore: boolean;
  isLoadingOlder: boolean;
  onLoadOlder(): void;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

/** One row's content: its day divider when it opens a day, then the message, system line or rating. */
export function TimelineRowContent({ row, context }: { row: Row; context: TimelineContext }) {
  return (
    <>
      {row.dayAt === null ? null : (
        <div className="day-divider">
          <span>{formatDayLabel(row.dayAt, context.now)}</span>
        </div>
      )}
      <RowItem row={row} context={context} />
    </>
  );
}

function RowItem({ row: { item }, context }: { row: Row; context: TimelineContext }) {
  switch (item.kind) {
    case 'message':
      return (
        <MessageItem
          message={item.message}
          isHighlighted={item.seq === context.highlightSeq}
          isSeen={item.seq === context.seenSeq}
        />
      );
    case 'outgoing':
      return <OutgoingItem item={item.item} onRetry={context.onRetry} onDiscard={context.onDiscard} />;
    case 'system':
      return (
        <SystemLine text={item.text} at={item.at} seq={item.seq} isHighlighted={item.seq === context.highlightSeq} />
      );
    case 'rating':
      return <RatingItem rating={item.rating} comment={item.comment} at={item.at} seq={item.seq} />;
  }
}
