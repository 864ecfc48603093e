import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import type { ConversationEvent } from '../protocol/events.ts';
import { routeConversation } from './route-conversation.ts';

const QUEUE_PASS_LIMIT = 1000;

export interface QueuedConversation {
  id: string;
  visitor_id: string;
  team_id: string | null;
}

/** The inbox's waiting conversations in queue order: priority first, then who has waited longest. */
export function findQueue(
  db: Kysely<Database>,
  inboxId: string,
): Promise<(QueuedConversation & { queued_at: Date | null })[]> {
  return db
    .selectFrom('conversations')
    .select(['id', 'visitor_id', 'team_id', 'queued_at'])
    .where('inbox_id', '=', inboxId)
    .where('status', '=', 'open')
    .where('assignee_id', 'is', null)
    .orderBy('priority', 'desc')
    .orderBy('queued_at')
    .orderBy('created_at')
    .limit(QUEUE_PASS_LIMIT)
    .execute();
}

/**
 * Offers each waiting conversation, in queue order, to the agents available now. Once a pool (the inbox,
 * or a team) has nobody left, the rest of that pool's conversations keep waiting without another try.
 */
export async function routeQueue(
  db: Kysely<Database>,
  inboxId: string,
  onlineAgentIds: readonly string[],
): Promise<{ conversation: QueuedConversation; events: ConversationEvent[] }[]> {
  const exhaustedPools = new Set<string>();
  const assigned: { conversation: QueuedConversation; events: ConversationEvent[] }[] = [];
  for (const conversation of await findQueue(db, inboxId)) {
    const pool = conversation.team_id ?? '';
    if (exhaustedPools.has(pool)) continue;
    const result = await routeConversation(db, conversation.id, { onlineAgentIds });
    if (result.outcome === 'assigned') assigned.push({ conversation, events: result.events });
    else if (result.isPoolExhausted) exhaustedPools.add(pool);
  }
  return assigned;
}
