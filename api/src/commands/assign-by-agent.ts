import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../app-error.ts';
import { presentConversation } from '../presenters/conversation.ts';
import type { ConversationSummary } from '../protocol/entities.ts';
import type { ConversationEvent } from '../protocol/events.ts';
import { assignConversation } from '../routing/assign-conversation.ts';
import { recordDecision } from '../routing/record-decision.ts';
import { lockInboxRouting } from '../routing/route-conversation.ts';
import { findConversationRow } from '../services/conversations/queries.ts';
import { runTransaction } from '../services/run-transaction.ts';
import { memberNotFound } from '../services/teams/not-found.ts';
import type { AgentActor } from './send-agent-message.ts';

export interface AssignOutcome {
  conversation: ConversationSummary;
  events: ConversationEvent[];
  /** The agent it was taken from, whose capacity frees; null when it was waiting. */
  previousAssigneeId: string | null;
}

/**
 * An agent takes an open conversation (assigneeId = themselves) or gives it to a teammate who answers
 * its inbox and is not deactivated. Under the inbox's routing lock, like automatic routing, so the two
 * never both assign it.
 */
export function assignByAgent(
  db: Kysely<Database>,
  agent: AgentActor,
  input: { conversationId: string; assigneeId: string; onlyIfUnassigned?: boolean },
): Promise<AssignOutcome> {
  return runTransaction(db, async (trx) => {
    const target = await trx
      .selectFrom('conversations')
      .select('inbox_id')
      .where('id', '=', input.conversationId)
      .where('workspace_id', '=', agent.workspaceId)
      .executeTakeFirst();
    if (!target) throw notFound('conversation');
    await lockInboxRouting(trx, target.inbox_id);
    const conversation = await trx
      .selectFrom('conversations')
      .select(['status', 'assignee_id'])
      .where('id', '=', input.conversationId)
      .forNoKeyUpdate()
      .executeTakeFirstOrThrow();
    if (conversation.status === 'resolved') {
      throw new AppError('conversation/resolved', 'A resolved conversation cannot be assigned.');
    }
    if (input.onlyIfUnassigned && conversation.assignee_id !== null) {
      throw new AppError('conversation/already_assigned', 'Someone else took this conversation first.');
    }
    const assignee = await trx
      .selectFrom('inbox_members as im')
      .innerJoin('memberships as ms', (join) =>
        join.onRef('ms.user_id', '=', 'im.user_id').on('ms.workspace_id', '=', agent.workspaceId),
      )
      .innerJoin('users as u', 'u.id', 'im.user_id')
      .select(['u.id', 'u.name'])
      .where('im.inbox_id', '=', target.inbox_id)
      .where('im.user_id', '=', input.assigneeId)
      .where('ms.deactivated_at', 'is', null)
      // A deactivation in flight waits for this assignment (and then returns it to the queue), or wins first.
      .forShare('ms')
      .executeTakeFirst();
    if (!assignee) throw memberNotFound();

    const events: ConversationEvent[] = [];
    const previousAssigneeId = conversation.assignee_id;
    if (previousAssigneeId !== assignee.id) {
      const actor = await trx
        .selectFrom('users')
        .select('name')
        .where('id', '=', agent.userId)
        .executeTakeFirstOrThrow();
      events.push(
        await assignConversation(trx, {
          conversationId: input.conversationId,
          workspaceId: agent.workspaceId,
          agent: assignee,
          actor: { type: 'agent', id: agent.userId },
        }),
      );
      await recordDecision(trx, {
        conversationId: input.conversationId,
        workspaceId: agent.workspaceId,
        outcome: 'assigned',
        reason:
          assignee.id === agent.userId ? `taken by ${actor.name}` : `assigned to ${assignee.name} by ${actor.name}`,
        chosenUserId: assignee.id,
      });
    }
    const row = await findConversationRow(trx, input.conversationId);
    if (!row) throw notFound('conversation');
    return {
      conversation: presentConversation(row),
      events,
      previousAssigneeId: events.length > 0 ? previousAssigneeId : null,
    };
  });
}
