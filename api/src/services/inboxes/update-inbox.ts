import type { Database, Role } from '@parley/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../../app-error.ts';
import { checkCanManageRouting } from '../../policies/routing-policy.ts';
import type { InboxUpdateBody } from '../../protocol/rest.ts';
import { checkBusinessHours } from '../../routing/business-hours.ts';
import { checkPreChatForm } from '../pre-chat/check-pre-chat-form.ts';

/** Applies the fields given (owners and admins only), once business hours and the pre-chat form make sense. */
export async function updateInbox(
  db: Kysely<Database>,
  actor: { workspaceId: string; role: Role },
  inboxId: string,
  body: InboxUpdateBody,
) {
  const { name, allowedOrigins, appearance, routing } = body;
  // Every field is an inbox setting: which sites may use it, what visitors see, how it routes.
  checkCanManageRouting(actor.role);
  if (appearance?.preChatForm) checkPreChatForm(appearance.preChatForm);
  const problems = routing?.businessHours ? checkBusinessHours(routing.businessHours) : [];
  if (problems.length > 0) throw new AppError('request/invalid', `routing.businessHours: ${problems.join('; ')}.`);
  const row = await db
    .updateTable('inboxes')
    .set({
      ...(name !== undefined ? { name } : {}),
      ...(allowedOrigins !== undefined ? { allowed_origins: JSON.stringify([...new Set(allowedOrigins)]) } : {}),
      ...(appearance !== undefined ? { appearance: JSON.stringify(appearance) } : {}),
      ...(routing?.mode !== undefined ? { routing_mode: routing.mode } : {}),
      ...(routing?.defaultCapacity !== undefined ? { default_capacity: routing.defaultCapacity } : {}),
      ...(routing?.reassignAfterSeconds !== undefined ? { reassign_after_seconds: routing.reassignAfterSeconds } : {}),
      ...(routing?.businessHours !== undefined
        ? { business_hours: routing.businessHours === null ? null : JSON.stringify(routing.businessHours) }
        : {}),
    })
    .where('id', '=', inboxId)
    .where('workspace_id', '=', actor.workspaceId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound('inbox');
  return row;
}
