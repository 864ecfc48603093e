import type { ConversationStatus, Database } from '@parley/db';
import type { Kysely, Transaction } from 'kysely';
import { AppError, notFound } from '../app-error.ts';
import { presentConversation } from '../presenters/conversation.ts';
import type { ConversationSummary } from '../protocol/entities.ts';
import type { ConversationEvent } from '../protocol/events.ts';
import { findConversationRow } from '../services/conversations/queries.ts';
import { runTransaction } from '../services/run-transaction.ts';
import { findActor } from './find-actor.ts';
import type { AgentActor } from './send-agent-message.ts';
import { applyStatusTransition } from './set-status-transition.ts';

/** A snooze ends at most this far ahead. */
export const MAX_SNOOZE_MS = 366 * 24 * 60 * 60 * 1000;

export interface SetStatusInput {
  conversationId: string;
  status: ConversationStatus;
  /** ISO date-time; required with snoozed, refused with any other status. */
  snoozedUntil?: string;
}

export interface StatusOutcome {
  conversation: ConversationSummary;
  events: ConversationEvent[];
  /** It was open before: an agent's capacity frees, the inbox's queue may move. */
  hasLeftOpen: boolean;
}

/** Checks what the schema cannot: a snooze needs a time, in the future, within a year. */
export function parseSnoozedUntil(input: Pick<SetStatusInput, 'status' | 'snoozedUntil'>, now = new Date()) {
  if (input.status !== 'snoozed') {
    if (input.snoozedUntil !== undefined)
      throw new AppError('conversation/snooze_invalid', 'snoozedUntil goes only with status snoozed.');
    return null;
  }
  if (input.snoozedUntil === undefined)
    throw new AppError('conversation/snooze_invalid', 'Snoozing needs snoozedUntil.');
  const until = new Date(input.snoozedUntil);
  if (Number.isNaN(until.getTime()) || until.getTime() <= now.getTime())
    throw new AppError('conversation/snooze_invalid', 'snoozedUntil must be in the future.');
  if (until.getTime() - now.getTime() > MAX_SNOOZE_MS)
    throw new AppError('conversation/snooze_invalid', 'A conversation can be snoozed for a year at most.');
  return until;
}

/**
 * Any agent of the workspace sets a conversation's status (as anyone may resolve): open, pending,
 * snoozed until a time, or resolved. Setting the status it has changes nothing and succeeds.
 */
export function setConversationStatus(
  db: Kysely<Database>,
  agent: AgentActor,
  input: SetStatusInput,
): Promise<StatusOutcome> {
  const snoozedUntil = parseSnoozedUntil(input);
  return runTransaction(db, (trx) => setStatusIn(trx, agent, { ...input, snoozedUntil }));
}

/** The same inside a caller's transaction (bulk actions run one per conversation). */
export async function setStatusIn(
  trx: Transaction<Database>,
  agent: AgentActor,
  input: { conversationId: string; status: ConversationStatus; snoozedUntil: Date | null },
): Promise<StatusOutcome> {
  const current = await trx
    .selectFrom('conversations')
    .select(['status', 'snoozed_until'])
    .where('id', '=', input.conversationId)
    .where('workspace_id', '=', agent.workspaceId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!current) throw notFound('conversation');
  const by = await findActor(trx, agent);
  const events = await applyStatusTransition(trx, input.conversationId, current, input, {
    actor: { type: 'agent', id: agent.userId },
    by,
  });
  const row = await findConversationRow(trx, input.conversationId);
  if (!row) throw notFound('conversation');
  return {
    conversation: presentConversation(row),
    events,
    hasLeftOpen: current.status === 'open' && input.status !== 'open',
  };
}
