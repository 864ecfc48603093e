import { forwardRef } from 'react';
import type { Components, ItemProps, ListProps } from 'react-virtuoso';
import { Spinner } from '../ui/spinner.tsx';
import type { TimelineContext } from './timeline-row.tsx';
import type { TimelineRow } from './timeline-rows.ts';

// The elements Virtuoso renders the timeline with: a list of <li> rows inside role="log", and a
// header of fixed height (a header that changed height as pages joined made Virtuoso skip a page).

/**
 * role="log" without aria-live: rows mount and unmount as the agent scrolls, and a screen reader must
 * not read them out; new messages are announced by TimelineAnnouncer instead.
 */
const List = forwardRef<HTMLOListElement, ListProps & { context?: TimelineContext }>(function TimelineList(
  { children, style, context: _context, ...props },
  ref,
) {
  return (
    <div role="log" aria-label="Messages" aria-live="off">
      <ol className="timeline__list" ref={ref} style={style} {...props}>
        {children}
      </ol>
    </div>
  );
});

function Item({
  children,
  item: _item,
  context: _context,
  ...props
}: ItemProps<TimelineRow> & { context?: TimelineContext }) {
  return (
    <li className="timeline__row" {...props}>
      {children}
    </li>
  );
}

/** "Load earlier messages": older pages also load on their own at the top; this is the keyboard's way. */
function Header({ context }: { context?: TimelineContext }) {
  if (!context?.hasMore) return <div className="timeline__older" data-testid="timeline-start" />;
  const { isLoadingOlder, onLoadOlder } = context;
  return (
    <div className="timeline__older">
      {/* aria-disabled, not disabled: the focus stays on the button while a page loads. */}
      <button
        type="button"
        className="btn btn--ghost btn--sm"
        data-testid="load-older"
        aria-disabled={isLoadingOlder}
        onClick={() => {
          if (!isLoadingOlder) onLoadOlder();
        }}
      >
        {isLoadingOlder ? <Spinner size="sm" /> : null}
        {isLoadingOlder ? 'Loading…' : 'Load earlier messages'}
      </button>
    </div>
  );
}

function Footer() {
  return <div className="timeline__end" />;
}

export const TIMELINE_COMPONENTS = {
  List: List as unknown as Components<TimelineRow, TimelineContext>['List'],
  Item,
  Header,
  Footer,
} satisfies Components<TimelineRow, TimelineContext>;
