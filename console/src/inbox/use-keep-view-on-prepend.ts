import { type RefObject, useLayoutEffect, useRef } from 'react';
import type { VirtuosoHandle } from 'react-virtuoso';
import { rowIndexOfSeq, type TimelineRow } from './timeline-rows.ts';

/** Frames Virtuoso gets to correct the view itself once the joined rows are measured. */
const SETTLE_FRAMES = 8;

interface Anchor {
  seq: number;
  /** Its top, in px from the scroller's top, before the page joined. */
  top: number;
}

/**
 * When an older page joins above, Virtuoso moves the view by the new rows' estimated height, then by the
 * difference once it has measured them. On a busy machine that second move sometimes never came and the
 * view stayed ~1,000 px above where the agent was (e2e/console-long-history). This notes where the row
 * that was first stood, and if it is not back there a few frames after the join, puts it back.
 */
export function useKeepViewOnPrepend(
  scroller: RefObject<HTMLElement | null>,
  virtuoso: RefObject<VirtuosoHandle | null>,
  rows: readonly TimelineRow[],
): void {
  const previousFirst = useRef<TimelineRow | undefined>(rows[0]);
  const anchor = useRef<Anchor | null>(null);
  const first = rows[0];
  if (first?.key !== previousFirst.current?.key) {
    // During render the DOM still shows the rows from before the join.
    const item = previousFirst.current?.item;
    const hasJoinedAbove =
      previousFirst.current !== undefined && rows.some((row) => row.key === previousFirst.current?.key);
    anchor.current = hasJoinedAbove && item && item.kind !== 'outgoing' ? measure(scroller.current, item.seq) : null;
    previousFirst.current = first;
  }

  useLayoutEffect(() => {
    const target = anchor.current;
    anchor.current = null;
    if (!target) return;
    let frames = 0;
    let frame = requestAnimationFrame(function check() {
      if (++frames < SETTLE_FRAMES) {
        frame = requestAnimationFrame(check);
        return;
      }
      const now = measure(scroller.current, target.seq);
      if (now && Math.abs(now.top - target.top) <= 2) return;
      const index = rowIndexOfSeq(rows, target.seq);
      if (index >= 0) virtuoso.current?.scrollToIndex({ index, align: 'start', offset: -target.top });
    });
    return () => cancelAnimationFrame(frame);
  });
}

function measure(element: HTMLElement | null, seq: number): Anchor | null {
  // Virtuoso's item (the <li>), which scrollToIndex aligns, not the message inside it.
  const row = element?.querySelector<HTMLElement>(`[data-seq="${seq}"]`)?.closest<HTMLElement>('[data-index]');
  if (!element || !row) return null;
  return { seq, top: row.getBoundingClientRect().top - element.getBoundingClientRect().top };
}
