import { type RefObject, useLayoutEffect, useRef } from 'react';

/** On the scroller while the view is placed (hidden by inbox.css). */
const PLACING_ATTRIBUTE = 'data-placing';
/** Shown anyway after this many frames (a loaded machine lays out slowly; ~2 s at 60 Hz). */
const MAX_FRAMES = 120;

/**
 * Opening a timeline at its newest row, in a frame or a few. Virtuoso's own way
 * (`initialTopMostItemIndex: LAST`) keeps the list hidden for four frames, scrolls, then waits 150 ms
 * for the list not to change before it shows it: about 300 ms per conversation opened. Instead, each
 * frame from the mount scrolls the scroller to its bottom until the newest row (`lastIndex`, Virtuoso's
 * 0-based `data-index`) is rendered there, laid out with the sizes Virtuoso measured (so the view does
 * not move once shown); until then the list is hidden (the scroller
 * carries data-placing), so the oldest rows, which Virtuoso renders first, never flash. The attribute is
 * set and removed here, not rendered, so the list shows in the frame the view is placed (no re-render).
 * Once per mount (the timeline is keyed by conversation). Returns whether the view is still placed.
 */
export function useOpenAtNewest(scroller: RefObject<HTMLElement | null>, lastIndex: number): RefObject<boolean> {
  const isPlacing = useRef(true);
  // The latest index without restarting the frames when a message joins while placing.
  const lastIndexRef = useRef(lastIndex);
  lastIndexRef.current = lastIndex;

  useLayoutEffect(() => {
    let frames = 0;
    let isPlaced = false;
    let frame = 0;
    const done = () => {
      isPlacing.current = false;
      scroller.current?.removeAttribute(PLACING_ATTRIBUTE);
    };
    const step = () => {
      frames += 1;
      const element = scroller.current;
      if (element) {
        if (!element.hasAttribute(PLACING_ATTRIBUTE)) element.setAttribute(PLACING_ATTRIBUTE, '');
        isPlaced = isAtNewest(element, lastIndexRef.current);
        if (!isPlaced) element.scrollTop = element.scrollHeight;
      }
      if (isPlaced || frames >= MAX_FRAMES) done();
      else frame = requestAnimationFrame(step);
    };
    isPlacing.current = true;
    // Before the first paint (a frame's callbacks run before it paints).
    scroller.current?.setAttribute(PLACING_ATTRIBUTE, '');
    frame = requestAnimationFrame(step);
    return () => {
      cancelAnimationFrame(frame);
      done();
    };
  }, [scroller]);

  return isPlacing;
}

/**
 * Scrolled to the bottom (or nothing to scroll) with the newest row rendered, and every rendered row
 * as tall as Virtuoso placed it (`data-known-size`: an estimate until it measured the row, after which
 * it would move the rows and the view would leave the bottom).
 */
function isAtNewest(element: HTMLElement, lastIndex: number): boolean {
  const isAtBottom = element.scrollHeight - element.scrollTop - element.clientHeight <= 1;
  if (!isAtBottom || element.querySelector(`[data-index="${lastIndex}"]`) === null) return false;
  for (const row of element.querySelectorAll<HTMLElement>('[data-known-size]')) {
    if (Math.abs(row.getBoundingClientRect().height - Number(row.dataset.knownSize)) > 1) return false;
  }
  return true;
}
