import type { Database } from '@parley/db';
import { type ExpressionBuilder, sql } from 'kysely';

type VisitorScope = ExpressionBuilder<Database, 'visitors'>;

/** A contact is a visitor who is somebody: identified, named, reachable by email, or who wrote at least once. */
export function isContact(eb: VisitorScope) {
  return eb.or([
    eb('visitors.is_verified', '=', true),
    eb('visitors.name', 'is not', null),
    eb('visitors.email', 'is not', null),
    eb.exists(eb.selectFrom('conversations as c').select('c.id').whereRef('c.visitor_id', '=', 'visitors.id')),
  ]);
}

/** `%`, `_` and `\` in what the agent typed are matched literally. */
export function toContainsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Name, email, the site's user id or any attribute value contains the text, ignoring case. */
export function matchesContactText(eb: VisitorScope, text: string) {
  const pattern = toContainsPattern(text);
  return eb.or([
    eb('visitors.name', 'ilike', pattern),
    eb('visitors.email', 'ilike', pattern),
    eb('visitors.external_id', 'ilike', pattern),
    eb.exists(
      sql`(select 1 from jsonb_each_text(visitors.attributes) as attribute where attribute.value ilike ${pattern})`,
    ),
  ]);
}
