import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import type { BusinessHours } from '../../protocol/business-hours.ts';
import type { WidgetAvailability } from '../../protocol/widget-availability.ts';
import { findNextOpening, isWithinBusinessHours } from '../../routing/business-hours.ts';

export interface AvailabilityInbox {
  id: string;
  workspace_id: string;
  /** Null = always open; otherwise shaped as BusinessHours (checked when saved). */
  business_hours: unknown;
}

/**
 * Whether the inbox is open now and whether anyone can answer: some member of the inbox who is online
 * (per presence) and not away. The widget asks for an email when either is false.
 */
export async function loadWidgetAvailability(
  db: Kysely<Database>,
  inbox: AvailabilityInbox,
  onlineAgentIds: readonly string[],
  now: Date = new Date(),
): Promise<WidgetAvailability> {
  const hours = (inbox.business_hours as BusinessHours | null) ?? null;
  const isWithinHours = hours ? isWithinBusinessHours(hours, now) : true;
  const nextOpening = hours && !isWithinHours ? findNextOpening(hours, now) : null;
  return {
    isWithinHours,
    isAgentOnline: await isAnyMemberAvailable(db, inbox, onlineAgentIds),
    nextOpenAt: nextOpening ? nextOpening.toISOString() : null,
    timezone: hours ? hours.timezone : null,
  };
}

async function isAnyMemberAvailable(
  db: Kysely<Database>,
  inbox: AvailabilityInbox,
  onlineAgentIds: readonly string[],
): Promise<boolean> {
  if (onlineAgentIds.length === 0) return false;
  const row = await db
    .selectFrom('inbox_members as im')
    .innerJoin('memberships as ms', (join) =>
      join.onRef('ms.user_id', '=', 'im.user_id').on('ms.workspace_id', '=', inbox.workspace_id),
    )
    .select('im.user_id')
    .where('im.inbox_id', '=', inbox.id)
    .where('ms.is_away', '=', false)
    .where('im.user_id', 'in', [...onlineAgentIds])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
