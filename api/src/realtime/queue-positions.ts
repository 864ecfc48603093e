import type { FastifyInstance } from 'fastify';
import type { QueueFrame } from '../protocol/frames.ts';
import { estimateWaitSeconds, loadQueueState } from '../routing/queue-state.ts';

/** The visitor's place in the queue for each of their conversations that waits for an agent. */
export async function sendQueuePositions(app: FastifyInstance, visitorId: string, send: (frame: QueueFrame) => void) {
  const waiting = await app.db
    .selectFrom('conversations')
    .select(['id', 'inbox_id'])
    .where('visitor_id', '=', visitorId)
    .where('status', '=', 'open')
    .where('assignee_id', 'is', null)
    .execute();
  for (const conversation of waiting) {
    const state = await loadQueueState(app.db, conversation.inbox_id);
    const place = state.conversations.find((c) => c.id === conversation.id);
    if (!place) continue;
    send({
      type: 'queue.position',
      data: {
        conversationId: conversation.id,
        position: place.position,
        estimatedWaitSeconds: estimateWaitSeconds(state, place.position),
      },
    });
  }
}
