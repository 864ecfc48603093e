import type { Database, RoutingOutcome } from '@parley/db';
import type { Transaction } from 'kysely';

export interface Decision {
  conversationId: string;
  workspaceId: string;
  outcome: RoutingOutcome;
  reason: string;
  chosenUserId?: string | null;
  candidates?: unknown[];
}

/** Keeps the answer to "why did this conversation go there (or wait)?" next to the conversation. */
export async function recordDecision(trx: Transaction<Database>, decision: Decision): Promise<void> {
  await trx
    .insertInto('routing_decisions')
    .values({
      conversation_id: decision.conversationId,
      workspace_id: decision.workspaceId,
      outcome: decision.outcome,
      reason: decision.reason,
      chosen_user_id: decision.chosenUserId ?? null,
      candidates: JSON.stringify(decision.candidates ?? []),
    })
    .execute();
}
