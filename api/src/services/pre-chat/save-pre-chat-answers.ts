import type { Database } from '@parley/db';
import { type Kysely, sql } from 'kysely';
import { AppError } from '../../app-error.ts';
import type { PreChatForm } from '../../protocol/pre-chat.ts';
import { checkPreChatAnswers } from './check-pre-chat-answers.ts';

/**
 * Checks a visitor's answers against their inbox's form and stores them on the visitor: `name` and
 * `email` in their columns (contact details, never proof of identity), the rest merged into attributes.
 */
export async function savePreChatAnswers(
  db: Kysely<Database>,
  visitor: { visitorId: string; inboxId: string },
  answers: Record<string, string>,
): Promise<void> {
  const inbox = await db
    .selectFrom('inboxes')
    .select('appearance')
    .where('id', '=', visitor.inboxId)
    .executeTakeFirstOrThrow();
  const form = inbox.appearance.preChatForm as PreChatForm | undefined;
  if (!form?.enabled) throw new AppError('request/invalid', 'This inbox has no pre-chat form.');
  const checked = checkPreChatAnswers(form, answers);
  if (!checked.ok) {
    const detail = checked.problems.map(({ key, reason }) => `${key}: ${reason}`).join('; ');
    throw new AppError('request/invalid', `The pre-chat answers are not valid (${detail}).`);
  }
  const { name, email, ...attributes } = checked.values;
  await db
    .updateTable('visitors')
    .set({
      ...(name !== undefined ? { name } : {}),
      ...(email !== undefined ? { email } : {}),
      attributes: sql<string>`attributes || ${JSON.stringify(attributes)}::jsonb`,
    })
    .where('id', '=', visitor.visitorId)
    .execute();
}
