import type { QueuePlace } from '../sync/conversation-store.ts';
import { describeQueue } from './routing-text.ts';

interface QueueLineProps {
  queue: QueuePlace | null;
  /** While nobody can answer, the recent average wait would promise too much: show the place only. */
  isAway: boolean;
}

/**
 * "You’re number 3 in line · about 2 min" while the conversation waits for an agent; gone once one
 * joins (the list then says "<Agent> joined"). Moves are read out by the live announcer, not here.
 */
export function QueueLine({ queue, isAway }: QueueLineProps) {
  if (!queue) return null;
  return (
    <div class="queue" data-testid="parley-queue" data-position={queue.position}>
      {describeQueue(queue.position, isAway ? null : queue.estimatedWaitSeconds)}
    </div>
  );
}
