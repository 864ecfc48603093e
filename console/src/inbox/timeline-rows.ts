import { toDayKey } from '../lib/format-day.ts';
import type { TimelineItem } from './build-timeline.ts';

// The virtualized timeline's rows: one per item, the first item of each local day carrying its day
// divider (so prepending a page shifts the rows by exactly the items it added).

export interface TimelineRow {
  key: string;
  item: TimelineItem;
  /** The time of the first item of a day: a divider above it. */
  dayAt: string | null;
}

/**
 * Virtuoso's index of the first row when a conversation opens. Prepending n rows lowers it by n, so it
 * must stay positive for any history (a conversation holds far fewer than this many events).
 */
export const FIRST_ROW_INDEX = 100_000_000;

/**
 * `isStart`: the items begin the conversation. While older pages remain, the first held row has no
 * divider: the page joining above would most often take it away, moving every row below it.
 */
export function toTimelineRows(items: readonly TimelineItem[], isStart: boolean): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let currentDay: string | null = null;
  for (const item of items) {
    const at = timeOf(item);
    const day = toDayKey(at);
    const isNewDay = currentDay === null ? isStart : day !== currentDay;
    rows.push({ key: item.key, item, dayAt: isNewDay ? at : null });
    currentDay = day;
  }
  return rows;
}

/**
 * The new first index after the rows changed: lower by the rows added before the previous first row
 * (an older page joined), or back to the start when that row is gone (the history was reloaded).
 */
export function nextFirstIndex(
  previous: { firstKey: string | undefined; firstIndex: number },
  rows: readonly TimelineRow[],
): number {
  const firstKey = rows[0]?.key;
  if (firstKey === previous.firstKey || previous.firstKey === undefined) return previous.firstIndex;
  const at = rows.findIndex((row) => row.key === previous.firstKey);
  return at > 0 ? previous.firstIndex - at : FIRST_ROW_INDEX;
}

/** The row index (0-based in `rows`, as Virtuoso's scrollToIndex takes it) holding `seq`, or -1. */
export function rowIndexOfSeq(rows: readonly TimelineRow[], seq: number): number {
  // Rows are in seq order (outgoing sends last): a binary search over the held ones.
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const item = rows[middle]?.item;
    const at = item && item.kind !== 'outgoing' ? item.seq : Number.POSITIVE_INFINITY;
    if (at === seq) return middle;
    if (at < seq) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

export function timeOf(item: TimelineItem): string {
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
