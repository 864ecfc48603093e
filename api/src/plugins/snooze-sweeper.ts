import type { Database } from '@parley/db';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type Kysely, sql } from 'kysely';
import { applyStatusTransition } from '../commands/set-status-transition.ts';
import type { ConversationEvent } from '../protocol/events.ts';
import { announce } from '../realtime/after-commit.ts';
import { runTransaction } from '../services/run-transaction.ts';

/** Conversations woken per sweep; the rest wait for the next one. */
const WAKE_BATCH = 100;

interface Woken {
  id: string;
  workspaceId: string;
  visitorId: string;
  isUnassigned: boolean;
  events: ConversationEvent[];
}

/**
 * Opens snoozed conversations whose time has come, each in its own transaction. SKIP LOCKED plus the
 * re-check under the lock make it safe on several api processes at once: each wakes exactly once.
 */
export async function wakeDueSnoozes(db: Kysely<Database>, limit = WAKE_BATCH): Promise<Woken[]> {
  const due = await db
    .selectFrom('conversations')
    .select('id')
    .where('status', '=', 'snoozed')
    .where('snoozed_until', '<=', sql<Date>`now()`)
    .orderBy('snoozed_until')
    .limit(limit)
    .execute();
  const woken: Woken[] = [];
  for (const { id } of due) {
    const result = await runTransaction(db, async (trx) => {
      const current = await trx
        .selectFrom('conversations')
        .select(['status', 'snoozed_until', 'workspace_id', 'visitor_id', 'assignee_id'])
        .where('id', '=', id)
        .where('status', '=', 'snoozed')
        .where('snoozed_until', '<=', sql<Date>`now()`)
        .forNoKeyUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!current) return null;
      const events = await applyStatusTransition(
        trx,
        id,
        current,
        { status: 'open' },
        { actor: { type: 'system', id: null }, by: null, reason: 'snooze_ended' },
      );
      return {
        id,
        workspaceId: current.workspace_id,
        visitorId: current.visitor_id,
        isUnassigned: current.assignee_id === null,
        events,
      };
    });
    if (result) woken.push(result);
  }
  return woken;
}

/** Every sweep interval, on every api process: snoozes that ended open their conversations again. */
export const snoozeSweeperPlugin = fp(async (app: FastifyInstance) => {
  const log = app.log.child({ component: 'snooze-sweeper' });
  let isSweeping = false;
  const sweep = async () => {
    if (isSweeping) return;
    isSweeping = true;
    try {
      for (const woken of await wakeDueSnoozes(app.db)) {
        const scope = { workspaceId: woken.workspaceId, visitorId: woken.visitorId };
        // Back to open with nobody on it: it needs an agent like a new conversation.
        announce(app, log, scope, woken.events, woken.isUnassigned ? { routeConversationId: woken.id } : {});
      }
    } catch (error) {
      log.error({ err: error }, 'snooze sweep failed');
    } finally {
      isSweeping = false;
    }
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => void sweep(), app.realtime.sweepIntervalMs);
    timer.unref();
  });
  app.addHook('preClose', async () => clearInterval(timer));
});
