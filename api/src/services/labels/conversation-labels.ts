import type { Database } from '@parley/db';
import { type Kysely, sql } from 'kysely';
import { notFound } from '../../app-error.ts';
import type { Label } from '../../protocol/label-rest.ts';
import { runTransaction } from '../run-transaction.ts';
import { checkLabelOfWorkspace } from './load-labels.ts';

/** Each conversation's labels, by name; conversations without any are missing from the map. */
export async function loadLabelsOf(
  db: Kysely<Database>,
  conversationIds: readonly string[],
): Promise<Map<string, Label[]>> {
  const byConversation = new Map<string, Label[]>();
  if (conversationIds.length === 0) return byConversation;
  const rows = await db
    .selectFrom('conversation_labels as cl')
    .innerJoin('labels as l', 'l.id', 'cl.label_id')
    .select(['cl.conversation_id', 'l.id', 'l.name', 'l.color'])
    .where('cl.conversation_id', 'in', conversationIds)
    .orderBy(sql`lower(l.name)`)
    .orderBy('l.id')
    .execute();
  for (const { conversation_id, ...label } of rows) {
    byConversation.set(conversation_id, [...(byConversation.get(conversation_id) ?? []), label]);
  }
  return byConversation;
}

/** Adds each summary's labels: what agents get where conversations are listed or loaded. */
export async function withLabels<Summary extends { id: string }>(
  db: Kysely<Database>,
  summaries: readonly Summary[],
): Promise<Array<Summary & { labels: Label[] }>> {
  const labels = await loadLabelsOf(
    db,
    summaries.map((summary) => summary.id),
  );
  return summaries.map((summary) => ({ ...summary, labels: labels.get(summary.id) ?? [] }));
}

/** A conversation's labels; conversation/not_found unless it is the workspace's. */
export async function loadConversationLabels(
  db: Kysely<Database>,
  workspaceId: string,
  conversationId: string,
): Promise<Label[]> {
  await checkConversationOfWorkspace(db, workspaceId, conversationId);
  return labelsOfOne(db, conversationId);
}

/**
 * Puts a label on a conversation ('add'; again is fine) or takes it off ('remove'; already off is fine).
 * Both must be the workspace's, else 404 and nothing changes. Answers the conversation's labels now.
 * Changes to one conversation's labels run one at a time, so each answer is a state it really had, newer
 * than the answer before: what the caller publishes after the commit arrives in that order.
 */
export function changeConversationLabel(
  db: Kysely<Database>,
  workspaceId: string,
  change: { conversationId: string; labelId: string; action: 'add' | 'remove' },
): Promise<Label[]> {
  const { conversationId, labelId, action } = change;
  return runTransaction(db, async (trx) => {
    await checkConversationOfWorkspace(trx, workspaceId, conversationId, { lock: true });
    await checkLabelOfWorkspace(trx, workspaceId, labelId);
    if (action === 'add') {
      await trx
        .insertInto('conversation_labels')
        .values({ conversation_id: conversationId, label_id: labelId })
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    } else {
      await trx
        .deleteFrom('conversation_labels')
        .where('conversation_id', '=', conversationId)
        .where('label_id', '=', labelId)
        .execute();
    }
    return labelsOfOne(trx, conversationId);
  });
}

async function checkConversationOfWorkspace(
  db: Kysely<Database>,
  workspaceId: string,
  conversationId: string,
  options: { lock?: boolean } = {},
) {
  const query = db
    .selectFrom('conversations')
    .select('id')
    .where('id', '=', conversationId)
    .where('workspace_id', '=', workspaceId);
  const conversation = await (options.lock ? query.forNoKeyUpdate() : query).executeTakeFirst();
  if (!conversation) throw notFound('conversation');
}

async function labelsOfOne(db: Kysely<Database>, conversationId: string): Promise<Label[]> {
  return (await loadLabelsOf(db, [conversationId])).get(conversationId) ?? [];
}
