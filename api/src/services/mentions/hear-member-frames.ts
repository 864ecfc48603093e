import type { FastifyInstance } from 'fastify';
import type { EventDelivery } from '../../realtime/event-delivery.ts';
import { memberTopic } from './mention-topic.ts';

/** Gives one agent socket the frames meant for its member only (mentions); returns the function that stops it. */
export function hearMemberFrames(
  app: FastifyInstance,
  member: { workspaceId: string; userId: string },
  delivery: EventDelivery,
): () => void {
  return app.realtime.hub.subscribe(memberTopic(member.workspaceId, member.userId), (notice) => {
    if ('frame' in notice) delivery.sendIfLive(notice.frame);
  });
}
