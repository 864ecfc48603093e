import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { notFound } from '../app-error.ts';
import type { RoutingDecisionList } from '../protocol/rest.ts';

/** The conversation's routing decisions, oldest first; a conversation of another workspace is "not found". */
export async function loadRoutingDecisions(
  db: Kysely<Database>,
  workspaceId: string,
  conversationId: string,
): Promise<RoutingDecisionList['decisions']> {
  const conversation = await db
    .selectFrom('conversations')
    .select('id')
    .where('id', '=', conversationId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!conversation) throw notFound('conversation');
  const rows = await db
    .selectFrom('routing_decisions as d')
    .leftJoin('users as u', 'u.id', 'd.chosen_user_id')
    .select(['d.outcome', 'd.reason', 'd.chosen_user_id', 'u.name', 'd.candidates', 'd.decided_at'])
    .where('d.conversation_id', '=', conversationId)
    .orderBy('d.decided_at')
    .execute();
  return rows.map((row) => ({
    outcome: row.outcome,
    reason: row.reason,
    agent: row.chosen_user_id ? { id: row.chosen_user_id, name: row.name ?? '' } : null,
    candidates: row.candidates,
    decidedAt: row.decided_at.toISOString(),
  }));
}
