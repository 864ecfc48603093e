import type { Database } from '@parley/db';
import { type Kysely, sql } from 'kysely';
import type { ConversationEvent } from '../protocol/events.ts';
import { runTransaction } from '../services/run-transaction.ts';
import { assignConversation } from './assign-conversation.ts';
import { chooseAgent } from './choose-agent.ts';

/**
 * Assigns an open, unassigned conversation to one of the online agents, or leaves it waiting.
 * The decision is made inside the database under a per-workspace advisory lock, so several api
 * processes never assign the same conversation twice nor read stale workloads.
 */
export async function routeConversation(
  db: Kysely<Database>,
  conversationId: string,
  onlineAgentIds: readonly string[],
): Promise<ConversationEvent[]> {
  if (onlineAgentIds.length === 0) return [];
  return runTransaction(db, async (trx) => {
    const conversation = await trx
      .selectFrom('conversations')
      .select(['id', 'workspace_id', 'status', 'assignee_id'])
      .where('id', '=', conversationId)
      .executeTakeFirst();
    if (!conversation) return [];
    await sql`select pg_advisory_xact_lock(hashtext(${`route:${conversation.workspace_id}`}))`.execute(trx);
    const locked = await trx
      .selectFrom('conversations')
      .select(['status', 'assignee_id'])
      .where('id', '=', conversationId)
      .forNoKeyUpdate()
      .executeTakeFirstOrThrow();
    if (locked.status !== 'open' || locked.assignee_id) return [];

    const candidates = await trx
      .selectFrom('memberships as ms')
      .innerJoin('users as u', 'u.id', 'ms.user_id')
      .select((eb) => [
        'ms.user_id as userId',
        'u.name',
        'ms.last_assigned_at as lastAssignedAt',
        eb
          .selectFrom('conversations as c')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('c.assignee_id', '=', 'ms.user_id')
          .where('c.workspace_id', '=', conversation.workspace_id)
          .where('c.status', '=', 'open')
          .as('openCount'),
      ])
      .where('ms.workspace_id', '=', conversation.workspace_id)
      .where('ms.user_id', 'in', onlineAgentIds)
      .execute();
    const chosen = chooseAgent(candidates.map((c) => ({ ...c, openCount: c.openCount ?? 0 })));
    if (!chosen) return [];
    const name = candidates.find((c) => c.userId === chosen.userId)?.name ?? '';
    const event = await assignConversation(trx, {
      conversationId,
      workspaceId: conversation.workspace_id,
      agent: { id: chosen.userId, name },
      actor: { type: 'system', id: null },
    });
    return [event];
  });
}

/** Open, unassigned conversations of a workspace, oldest first: the ones waiting for an agent. */
export async function findWaitingConversationIds(db: Kysely<Database>, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('conversations')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'open')
    .where('assignee_id', 'is', null)
    .orderBy('created_at')
    .limit(1000)
    .execute();
  return rows.map((row) => row.id);
}
