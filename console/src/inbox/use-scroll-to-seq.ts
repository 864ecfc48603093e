import { type RefObject, useEffect, useRef, useState } from 'react';
import type { VirtuosoHandle } from 'react-virtuoso';

/** How long a message opened from search stays highlighted. */
const HIGHLIGHT_MS = 3000;
/** Between checks that the row is rendered and centred. */
const CHECK_MS = 100;
/** Ask Virtuoso again every this many checks (sizes it only estimated become known as rows render). */
const RESCROLL_EVERY = 3;
/** Give up after this many checks (20 s: a loaded machine renders slowly). */
const MAX_CHECKS = 200;
/** Centred on this many checks in a row before it is focused (Virtuoso corrects its estimate first). */
const STEADY_CHECKS = 2;
/** After focusing, keep the focus on the row this many checks while the list settles. */
const SETTLE_CHECKS = 15;

/**
 * Opening at a message: once its row is in the data (`rowIndex` ≥ 0, 0-based in the data as
 * scrollToIndex takes it, not offset by firstItemIndex), asks Virtuoso to centre it and checks, with
 * bounded retries, that the row is rendered and centred; then focuses it and highlights it briefly.
 * Once per seq. Returns the highlighted seq.
 */
export function useScrollToSeq(
  virtuoso: RefObject<VirtuosoHandle | null>,
  scroller: RefObject<HTMLElement | null>,
  focusSeq: number | null,
  rowIndex: number,
): number | null {
  const doneSeq = useRef<number | null>(null);
  const [highlightSeq, setHighlightSeq] = useState<number | null>(null);
  const isReady = focusSeq !== null && rowIndex >= 0;
  // The latest index without restarting the checks when a page joins above (it shifts the index).
  const indexRef = useRef(rowIndex);
  indexRef.current = rowIndex;

  useEffect(() => {
    if (!isReady || doneSeq.current === focusSeq) return;
    let checks = 0;
    let centredChecks = 0;
    let focusedAt: number | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const element = scroller.current;
      const row = element?.querySelector<HTMLElement>(`[data-seq="${focusSeq}"]`);
      // The first check always scrolls: the message is centred even when it was already in view.
      centredChecks = checks > 0 && element && row && isCentred(row, element) ? centredChecks + 1 : 0;
      if (focusedAt === null && row && centredChecks >= STEADY_CHECKS) {
        doneSeq.current = focusSeq;
        focusedAt = checks;
        focusRow(row);
        setHighlightSeq(focusSeq);
      } else if (focusedAt !== null && row && isFocusLost(row, element)) {
        // Virtuoso re-rendered the row as the sizes settled: the new element takes the focus back.
        focusRow(row);
      }
      if (centredChecks === 0 && checks % RESCROLL_EVERY === 0 && indexRef.current >= 0) {
        virtuoso.current?.scrollToIndex({ index: indexRef.current, align: 'center' });
      }
      checks += 1;
      const isSettled = focusedAt !== null && checks - focusedAt > SETTLE_CHECKS;
      if (!isSettled && checks < MAX_CHECKS) timer = setTimeout(check, CHECK_MS);
    };
    // After this commit's rows reached Virtuoso and the browser laid them out.
    const frame = requestAnimationFrame(check);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [virtuoso, scroller, focusSeq, isReady]);

  useEffect(() => {
    if (highlightSeq === null) return;
    const timer = setTimeout(() => setHighlightSeq(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlightSeq]);

  return highlightSeq;
}

function focusRow(row: HTMLElement) {
  // Keyboard and screen-reader users land on the message too (a row is not a tab stop otherwise).
  row.setAttribute('tabindex', '-1');
  row.focus({ preventScroll: true });
}

/** The row is not focused, and nothing else took the focus (it fell to the body or the scroller). */
function isFocusLost(row: HTMLElement, scroller: HTMLElement | null | undefined): boolean {
  const active = document.activeElement;
  return active !== row && (active === null || active === document.body || active === scroller);
}

/**
 * In view and about the middle of it; or as near as the history allows (at its very top or bottom).
 * A row taller than the view only needs its top shown.
 */
function isCentred(row: HTMLElement, container: HTMLElement): boolean {
  const box = row.getBoundingClientRect();
  const view = container.getBoundingClientRect();
  const isShown =
    box.height > view.height
      ? box.top >= view.top && box.top < view.bottom
      : box.top >= view.top && box.bottom <= view.bottom;
  if (!isShown) return false;
  const offset = (box.top + box.bottom) / 2 - (view.top + view.bottom) / 2;
  if (Math.abs(offset) <= Math.max(48, view.height * 0.2)) return true;
  const isAtTop = container.scrollTop <= 1;
  const isAtBottom = container.scrollHeight - container.scrollTop - container.clientHeight <= 1;
  return (isAtTop && offset < 0) || (isAtBottom && offset > 0);
}
