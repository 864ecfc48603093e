import type { Database } from '@parley/db';
import type { Kysely, Transaction } from 'kysely';
import { notFound } from '../app-error.ts';
import { presentConversation } from '../presenters/conversation.ts';
import type { ConversationSummary } from '../protocol/entities.ts';
import type { ConversationEvent } from '../protocol/events.ts';
import { recordDecision } from '../routing/record-decision.ts';
import { returnToQueueIn } from '../routing/return-to-queue.ts';
import { lockInboxRouting } from '../routing/route-conversation.ts';
import { type Actor, appendEvent } from '../services/conversations/append.ts';
import { findConversationRow } from '../services/conversations/queries.ts';
import { runTransaction } from '../services/run-transaction.ts';
import { teamNotFound } from '../services/teams/not-found.ts';
import { findActor } from './find-actor.ts';
import type { AgentActor } from './send-agent-message.ts';

export interface TeamOutcome {
  conversation: ConversationSummary;
  events: ConversationEvent[];
  /** The agent outside the new team who lost the conversation, whose capacity frees; null when nobody did. */
  previousAssigneeId: string | null;
}

/**
 * Any agent of the workspace moves a conversation to one of its teams, or out of any team (teamId null).
 * An assignee who is a member of the new team keeps it; one who is not loses it (a conversation.unassigned
 * after the team change) and an open conversation goes back to the front of its queue, where routing
 * offers it to the team. A resolved one keeps its last assignee. Under the inbox's routing lock, so
 * routing never assigns it by the old team meanwhile. Setting the team it has changes nothing.
 */
export function setConversationTeam(
  db: Kysely<Database>,
  agent: AgentActor,
  input: { conversationId: string; teamId: string | null },
): Promise<TeamOutcome> {
  return runTransaction(db, (trx) => setTeamIn(trx, agent, input));
}

async function setTeamIn(
  trx: Transaction<Database>,
  agent: AgentActor,
  input: { conversationId: string; teamId: string | null },
): Promise<TeamOutcome> {
  const target = await trx
    .selectFrom('conversations')
    .select('inbox_id')
    .where('id', '=', input.conversationId)
    .where('workspace_id', '=', agent.workspaceId)
    .executeTakeFirst();
  if (!target) throw notFound('conversation');
  const team = input.teamId === null ? null : await findTeam(trx, agent.workspaceId, input.teamId);
  await lockInboxRouting(trx, target.inbox_id);
  const current = await trx
    .selectFrom('conversations')
    .select(['team_id', 'status', 'assignee_id'])
    .where('id', '=', input.conversationId)
    .forNoKeyUpdate()
    .executeTakeFirstOrThrow();

  const events: ConversationEvent[] = [];
  let previousAssigneeId: string | null = null;
  if (current.team_id !== (team?.id ?? null)) {
    await trx
      .updateTable('conversations')
      .set({ team_id: team?.id ?? null })
      .where('id', '=', input.conversationId)
      .execute();
    const by = await findActor(trx, agent);
    const actor: Actor = { type: 'agent', id: agent.userId };
    events.push(await appendEvent(trx, input.conversationId, 'conversation.team_changed', { team, by }, actor));
    const assigneeId = current.assignee_id;
    if (team && assigneeId && current.status !== 'resolved' && !(await isTeamMember(trx, team.id, assigneeId))) {
      const reason = `moved to ${team.name} by ${by.name}, whose members do not include the assignee`;
      const returned =
        current.status === 'open'
          ? await returnToQueueIn(trx, input.conversationId, { reason, actor, fromUserId: assigneeId })
          : await unassignWaiting(trx, {
              conversationId: input.conversationId,
              workspaceId: agent.workspaceId,
              assigneeId,
              reason,
              actor,
            });
      events.push(...returned.events);
      previousAssigneeId = returned.previousAssigneeId;
    }
  }
  const row = await findConversationRow(trx, input.conversationId);
  if (!row) throw notFound('conversation');
  return { conversation: presentConversation(row), events, previousAssigneeId };
}

async function findTeam(trx: Transaction<Database>, workspaceId: string, teamId: string) {
  const team = await trx
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('id', '=', teamId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  // A team of another workspace answers exactly like a missing one.
  if (!team) throw teamNotFound();
  return team;
}

async function isTeamMember(trx: Transaction<Database>, teamId: string, userId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('team_members')
    .select('user_id')
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A pending or snoozed conversation loses its assignee; it joins its queue when it opens again. */
async function unassignWaiting(
  trx: Transaction<Database>,
  input: { conversationId: string; workspaceId: string; assigneeId: string; reason: string; actor: Actor },
) {
  await trx
    .updateTable('conversations')
    .set((eb) => ({ assignee_id: null, assigned_at: null, queued_at: eb.ref('created_at') }))
    .where('id', '=', input.conversationId)
    .execute();
  const event = await appendEvent(
    trx,
    input.conversationId,
    'conversation.unassigned',
    { reason: input.reason },
    input.actor,
  );
  await recordDecision(trx, {
    conversationId: input.conversationId,
    workspaceId: input.workspaceId,
    outcome: 'returned',
    reason: input.reason,
    chosenUserId: input.assigneeId,
  });
  return { events: [event], previousAssigneeId: input.assigneeId };
}
