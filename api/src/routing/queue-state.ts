import type { Database } from '@parley/db';
import { type Kysely, sql } from 'kysely';
import type { BusinessHours } from '../protocol/business-hours.ts';
import { isWithinBusinessHours } from './business-hours.ts';
import { findQueue } from './route-queue.ts';

export interface QueueState {
  inboxId: string;
  length: number;
  oldestQueuedAt: string | null;
  conversations: { id: string; visitorId: string; position: number; queuedAt: string | null }[];
  /** Mean wait of the inbox's last 20 assignments of the past day; null without history or outside business hours. */
  averageWaitSeconds: number | null;
}

export async function loadQueueState(db: Kysely<Database>, inboxId: string): Promise<QueueState> {
  const [queue, inbox, history] = await Promise.all([
    findQueue(db, inboxId),
    db.selectFrom('inboxes').select('business_hours').where('id', '=', inboxId).executeTakeFirst(),
    sql<{ seconds: number | null }>`
      select avg(extract(epoch from (recent.decided_at - recent.created_at)))::float8 as seconds from (
        select d.decided_at, c.created_at from routing_decisions d join conversations c on c.id = d.conversation_id
        where c.inbox_id = ${inboxId} and d.outcome = 'assigned' and d.decided_at > now() - interval '1 day'
        order by d.decided_at desc limit 20
      ) recent`.execute(db),
  ]);
  const conversations = queue.map((row, index) => ({
    id: row.id,
    visitorId: row.visitor_id,
    position: index + 1,
    queuedAt: row.queued_at?.toISOString() ?? null,
  }));
  const hours = inbox?.business_hours as BusinessHours | null | undefined;
  // Outside business hours the recent average says nothing about when someone answers.
  const seconds = hours && !isWithinBusinessHours(hours, new Date()) ? null : history.rows[0]?.seconds;
  return {
    inboxId,
    length: conversations.length,
    oldestQueuedAt: conversations.reduce<string | null>(
      (oldest, c) => (oldest === null || (c.queuedAt ?? oldest) < oldest ? c.queuedAt : oldest),
      null,
    ),
    conversations,
    averageWaitSeconds: seconds === null || seconds === undefined ? null : Math.max(1, Math.round(seconds)),
  };
}

/** A rough promise, shown as such: the recent average wait times the place in line. */
export function estimateWaitSeconds(state: QueueState, position: number): number | null {
  return state.averageWaitSeconds === null ? null : state.averageWaitSeconds * position;
}
