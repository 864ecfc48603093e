import type { Database } from '@parley/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { BusinessHours } from '../protocol/business-hours.ts';
import type { ConversationEvent } from '../protocol/events.ts';
import { runTransaction } from '../services/run-transaction.ts';
import { assignConversation } from './assign-conversation.ts';
import { isWithinBusinessHours } from './business-hours.ts';
import { chooseAgent, describeNobodyAvailable, findIneligibility } from './choose-agent.ts';
import { findStandings } from './find-standings.ts';
import { recordDecision } from './record-decision.ts';

export interface RouteOptions {
  onlineAgentIds: readonly string[];
  /** Skip this agent (the one who just handed it back or let it go unanswered), unless nobody else can take it. */
  excludeUserId?: string;
  /** Log a "queued" decision when it stays waiting; off when working through a queue, to log only changes. */
  shouldLogWaiting?: boolean;
  /**
   * Leave it waiting when an older (or more urgent) conversation of the same pool is waiting: for a new
   * conversation, so it never takes capacity that the queue's head should get. The caller then works
   * through the queue in order.
   */
  shouldYieldToQueue?: boolean;
}

export interface RouteResult {
  events: ConversationEvent[];
  outcome: 'assigned' | 'waiting' | 'not waiting';
  /** Set when it waits because nobody in its pool (inbox or team) can take anything now. */
  isPoolExhausted?: boolean;
  /** Set when it waits because shouldYieldToQueue found conversations ahead of it. */
  isBehindQueue?: boolean;
}

/**
 * Assigns an open, unassigned conversation to an available agent, or leaves it waiting in its queue.
 * The decision is made inside the database under a per-inbox advisory lock, so several api
 * processes never assign the same conversation twice nor decide on stale workloads.
 */
export function routeConversation(
  db: Kysely<Database>,
  conversationId: string,
  options: RouteOptions,
): Promise<RouteResult> {
  return runTransaction(db, async (trx) => {
    const target = await trx
      .selectFrom('conversations')
      .select('inbox_id')
      .where('id', '=', conversationId)
      .executeTakeFirst();
    if (!target) return { events: [], outcome: 'not waiting' };
    await lockInboxRouting(trx, target.inbox_id);
    const conversation = await trx
      .selectFrom('conversations as c')
      .innerJoin('inboxes as i', 'i.id', 'c.inbox_id')
      .select([
        'c.workspace_id',
        'c.inbox_id',
        'c.team_id',
        'c.status',
        'c.assignee_id',
        'c.priority',
        'c.queued_at',
        'i.routing_mode',
        'i.business_hours',
      ])
      .where('c.id', '=', conversationId)
      .forNoKeyUpdate('c')
      .executeTakeFirstOrThrow();
    if (conversation.status !== 'open' || conversation.assignee_id) return { events: [], outcome: 'not waiting' };

    const wait = async (reason: string, isPoolExhausted = false, candidates: unknown[] = []): Promise<RouteResult> => {
      if (options.shouldLogWaiting) {
        await recordDecision(trx, {
          conversationId,
          workspaceId: conversation.workspace_id,
          outcome: 'queued',
          reason,
          candidates,
        });
      }
      return { events: [], outcome: 'waiting', isPoolExhausted };
    };
    if (conversation.routing_mode !== 'auto')
      return wait(`routing in this inbox is ${conversation.routing_mode}`, true);
    const hours = conversation.business_hours as BusinessHours | null;
    if (hours && !isWithinBusinessHours(hours, new Date())) return wait('outside business hours', true);

    if (options.shouldYieldToQueue && (await isAnyoneAhead(trx, conversationId, conversation))) {
      return { ...(await wait('an earlier conversation is waiting for the same agents')), isBehindQueue: true };
    }

    const standings = (await findStandings(trx, conversation, options.onlineAgentIds)).map((standing) => ({
      ...standing,
      ineligibility: findIneligibility(standing, options.excludeUserId),
    }));
    let eligible = standings.filter((s) => s.ineligibility === null);
    if (eligible.length === 0 && options.excludeUserId) {
      eligible = standings.filter((s) => s.ineligibility === 'excluded' && findIneligibility(s) === null);
    }
    const chosen = chooseAgent(eligible);
    if (!chosen) return wait(describeNobodyAvailable(standings), true, standings);

    const event = await assignConversation(trx, {
      conversationId,
      workspaceId: conversation.workspace_id,
      agent: { id: chosen.userId, name: chosen.name },
      actor: { type: 'system', id: null },
    });
    await recordDecision(trx, {
      conversationId,
      workspaceId: conversation.workspace_id,
      outcome: 'assigned',
      reason: `${chosen.name}: fewest open conversations (${chosen.openCount}/${chosen.capacity}) among ${eligible.length} available, then longest since last assignment`,
      chosenUserId: chosen.userId,
      candidates: standings,
    });
    return { events: [event], outcome: 'assigned' };
  });
}

/** Whether an open, unassigned conversation of the same inbox and pool comes before this one in the queue. */
async function isAnyoneAhead(
  trx: Transaction<Database>,
  conversationId: string,
  conversation: { inbox_id: string; team_id: string | null; priority: number; queued_at: Date | null },
): Promise<boolean> {
  const { inbox_id, team_id, priority, queued_at } = conversation;
  const ahead = await trx
    .selectFrom('conversations')
    .select('id')
    .where('inbox_id', '=', inbox_id)
    .where('status', '=', 'open')
    .where('assignee_id', 'is', null)
    .where('id', '!=', conversationId)
    .where('team_id', team_id === null ? 'is' : '=', team_id)
    .where((eb) =>
      eb.or([
        eb('priority', '>', priority),
        queued_at === null ? eb.val(false) : eb.and([eb('priority', '=', priority), eb('queued_at', '<', queued_at)]),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return ahead !== undefined;
}

export function lockInboxRouting(trx: Transaction<Database>, inboxId: string) {
  return sql`select pg_advisory_xact_lock(hashtext(${`route:${inboxId}`}))`.execute(trx);
}
