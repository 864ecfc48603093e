import type { Database } from '@parley/db';
import type { Transaction } from 'kysely';

export interface RuleInput {
  field: 'page_url' | 'language' | 'attribute';
  attribute_key: string | null;
  pattern: string;
}

export interface VisitorFacts {
  page_url: string | null;
  language: string | null;
  attributes: Record<string, string>;
}

/**
 * Whether a routing rule matches the visitor: a page URL pattern with `*` wildcards, a language tag
 * by prefix ("de" matches "de-AT"), or a host-page attribute by exact value. Case does not matter.
 */
export function matchesRule(rule: RuleInput, visitor: VisitorFacts): boolean {
  const pattern = rule.pattern.toLowerCase();
  if (rule.field === 'page_url') {
    if (!visitor.page_url) return false;
    const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${escaped.join('.*')}$`).test(visitor.page_url.toLowerCase());
  }
  if (rule.field === 'language') {
    const language = visitor.language?.toLowerCase();
    return language === pattern || (language?.startsWith(`${pattern}-`) ?? false);
  }
  const value = rule.attribute_key ? visitor.attributes[rule.attribute_key] : undefined;
  return value !== undefined && value.toLowerCase() === pattern;
}

/** The team of the first of the inbox's rules (by position) that matches the visitor, or none. */
export async function chooseTeam(
  trx: Transaction<Database>,
  visitor: { visitorId: string; inboxId: string },
): Promise<string | null> {
  const rules = await trx
    .selectFrom('routing_rules')
    .select(['field', 'attribute_key', 'pattern', 'team_id'])
    .where('inbox_id', '=', visitor.inboxId)
    .orderBy('position')
    .execute();
  if (rules.length === 0) return null;
  const facts = await trx
    .selectFrom('visitors')
    .select(['page_url', 'language', 'attributes'])
    .where('id', '=', visitor.visitorId)
    .executeTakeFirstOrThrow();
  return rules.find((rule) => matchesRule(rule, facts))?.team_id ?? null;
}
