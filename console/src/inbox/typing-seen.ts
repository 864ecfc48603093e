import type { TimelineItem } from './build-timeline.ts';

/** The seqs of the agents' replies (not notes): the messages the visitor can have seen. */
export function replySeqsOf(items: readonly TimelineItem[]): number[] {
  return items
    .filter((item) => item.kind === 'message' && item.message.sender.type === 'agent' && item.message.kind !== 'note')
    .map((item) => (item.kind === 'message' ? item.seq : 0));
}

/** The highest of `replySeqs` at or below what the visitor has read, or null. */
export function lastSeenReply(replySeqs: readonly number[], readSeq: number): number | null {
  let seen: number | null = null;
  for (const seq of replySeqs) if (seq <= readSeq && (seen === null || seq > seen)) seen = seq;
  return seen;
}
