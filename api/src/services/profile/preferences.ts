import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import {
  DEFAULT_PREFERENCES,
  NOTIFICATION_KINDS,
  type NotificationChannels,
  type Preferences,
} from '../../protocol/profile-rest.ts';

/** The stored preferences over the defaults: a kind or channel never saved reads as its default. */
export async function loadPreferences(db: Kysely<Database>, userId: string): Promise<Preferences> {
  const row = await db
    .selectFrom('user_preferences')
    .select(['notifications', 'auto_away_minutes'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const stored = row?.notifications ?? {};
  const notifications = {} as Preferences['notifications'];
  for (const kind of NOTIFICATION_KINDS)
    notifications[kind] = { ...DEFAULT_PREFERENCES.notifications[kind], ...(stored[kind] as NotificationChannels) };
  return { notifications, autoAwayMinutes: row?.auto_away_minutes ?? DEFAULT_PREFERENCES.autoAwayMinutes };
}

export async function savePreferences(db: Kysely<Database>, userId: string, preferences: Preferences) {
  const notifications = JSON.stringify(preferences.notifications);
  await db
    .insertInto('user_preferences')
    .values({ user_id: userId, notifications, auto_away_minutes: preferences.autoAwayMinutes })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        notifications,
        auto_away_minutes: preferences.autoAwayMinutes,
        updated_at: new Date(),
      }),
    )
    .execute();
}
