import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { AppError } from '../../app-error.ts';
import type { RoutingRule, RoutingRuleInput } from '../../protocol/team-rest.ts';
import { runTransaction } from '../run-transaction.ts';
import { lockInboxOfWorkspace } from './find-inbox.ts';

/** The inbox's routing rules in the order they are tried. */
export async function loadRoutingRules(db: Kysely<Database>, inboxId: string): Promise<RoutingRule[]> {
  const rows = await db
    .selectFrom('routing_rules')
    .select(['id', 'field', 'attribute_key', 'pattern', 'team_id'])
    .where('inbox_id', '=', inboxId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    field: row.field,
    attributeKey: row.attribute_key,
    pattern: row.pattern,
    teamId: row.team_id,
  }));
}

/** Replaces all of the inbox's rules in one transaction; positions follow the list's order. */
export async function replaceRoutingRules(
  db: Kysely<Database>,
  workspaceId: string,
  inboxId: string,
  rules: readonly RoutingRuleInput[],
): Promise<void> {
  checkAttributeKeys(rules);
  await runTransaction(db, async (trx) => {
    await lockInboxOfWorkspace(trx, workspaceId, inboxId);
    const teamIds = [...new Set(rules.map((rule) => rule.teamId))];
    if (teamIds.length > 0) {
      const teams = await trx
        .selectFrom('teams')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', teamIds)
        .execute();
      const known = new Set(teams.map((team) => team.id));
      const index = rules.findIndex((rule) => !known.has(rule.teamId));
      if (index >= 0)
        throw new AppError('request/invalid', `body rules.${index}.teamId: no such team in this workspace.`);
    }
    await trx.deleteFrom('routing_rules').where('inbox_id', '=', inboxId).execute();
    if (rules.length > 0) {
      await trx
        .insertInto('routing_rules')
        .values(
          rules.map((rule, position) => ({
            inbox_id: inboxId,
            position,
            field: rule.field,
            attribute_key: rule.field === 'attribute' ? (rule.attributeKey ?? null) : null,
            pattern: rule.pattern,
            team_id: rule.teamId,
          })),
        )
        .execute();
    }
  });
}

/** An attribute rule names its attribute; the other kinds have none. */
function checkAttributeKeys(rules: readonly RoutingRuleInput[]): void {
  for (const [index, rule] of rules.entries()) {
    const hasKey = rule.attributeKey !== undefined && rule.attributeKey !== null;
    if (rule.field === 'attribute' && !hasKey)
      throw new AppError('request/invalid', `body rules.${index}.attributeKey: required when field is "attribute".`);
    if (rule.field !== 'attribute' && hasKey)
      throw new AppError(
        'request/invalid',
        `body rules.${index}.attributeKey: only allowed when field is "attribute".`,
      );
  }
}
