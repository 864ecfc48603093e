import { useRef } from 'react';
import type { TimelineItem } from './build-timeline.ts';

/**
 * A polite live region saying the newest message that arrived while the conversation is open (from
 * the visitor or another agent; not the agent's own, not history that loads or scrolls into view).
 */
export function TimelineAnnouncer({ items, myUserId }: { items: readonly TimelineItem[]; myUserId: string }) {
  const newestSeq = useRef<number | null>(null);
  const text = useRef('');
  const latest = newestHeld(items);
  if (newestSeq.current === null) {
    newestSeq.current = latest?.seq ?? 0;
  } else if (latest && latest.seq > newestSeq.current) {
    newestSeq.current = latest.seq;
    if (latest.kind === 'message' && latest.message.sender.id !== myUserId) text.current = describe(latest);
  }
  return (
    <div
      className="visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="timeline-announcer"
    >
      {text.current}
    </div>
  );
}

function newestHeld(items: readonly TimelineItem[]) {
  for (let at = items.length - 1; at >= 0; at--) {
    const item = items[at];
    if (item && item.kind !== 'outgoing') return item;
  }
  return null;
}

function describe(item: Extract<TimelineItem, { kind: 'message' }>): string {
  const { sender, body, kind } = item.message;
  const who = sender.type === 'visitor' ? 'Visitor' : (sender.name ?? 'Agent');
  return `${kind === 'note' ? `Note from ${who}` : who}: ${body}`;
}
