import type { ConversationStatus, Database } from '@parley/db';
import type { Transaction } from 'kysely';
import type { AgentRef } from '../protocol/entities.ts';
import type { ConversationEvent } from '../protocol/events.ts';
import { type Actor, appendEvent } from '../services/conversations/append.ts';

export interface StatusTarget {
  status: ConversationStatus;
  /** Required for snoozed, ignored otherwise. */
  snoozedUntil?: Date | null;
}

export interface CurrentStatus {
  status: ConversationStatus;
  snoozed_until: Date | null;
}

/**
 * Moves a locked conversation to a status and appends the event that says so: resolving and reopening
 * keep their own events (clients already know them), every move to or from pending and snoozed is a
 * `conversation.status_changed`. Nothing changes, and no event is added, when it is already there.
 */
export async function applyStatusTransition(
  trx: Transaction<Database>,
  conversationId: string,
  current: CurrentStatus,
  target: StatusTarget,
  context: { actor: Actor; by: AgentRef | null; reason?: 'snooze_ended' | 'visitor_message' },
): Promise<ConversationEvent[]> {
  const snoozedUntil = target.status === 'snoozed' ? (target.snoozedUntil ?? null) : null;
  const isSame = current.status === target.status && current.snoozed_until?.getTime() === snoozedUntil?.getTime();
  if (isSame || (current.status === target.status && target.status !== 'snoozed')) return [];
  await trx
    .updateTable('conversations')
    .set({ status: target.status, snoozed_until: snoozedUntil })
    .where('id', '=', conversationId)
    .execute();
  const { actor, by, reason } = context;
  if (target.status === 'resolved') {
    return [await appendEvent(trx, conversationId, 'conversation.resolved', { by }, actor)];
  }
  if (target.status === 'open' && current.status === 'resolved') {
    return [await appendEvent(trx, conversationId, 'conversation.reopened', {}, actor)];
  }
  const data = {
    status: target.status,
    snoozedUntil: snoozedUntil?.toISOString() ?? null,
    by,
    ...(reason ? { reason } : {}),
  };
  return [await appendEvent(trx, conversationId, 'conversation.status_changed', data, actor)];
}
