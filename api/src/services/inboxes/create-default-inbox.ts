import { randomBytes } from 'node:crypto';
import type { Database } from '@parley/db';
import type { Transaction } from 'kysely';

export async function createDefaultInbox(
  trx: Transaction<Database>,
  workspace: { id: string; name: string },
  allowedOrigins: string[],
) {
  return trx
    .insertInto('inboxes')
    .values({
      workspace_id: workspace.id,
      name: 'Website',
      site_key: `pk_${randomBytes(12).toString('hex')}`,
      allowed_origins: JSON.stringify(allowedOrigins),
      appearance: JSON.stringify({
        color: '#4f46e5',
        title: workspace.name,
        greeting: 'Hi! How can we help?',
        position: 'right',
      }),
      identity_secret: randomBytes(32).toString('hex'),
    })
    .returning(['id', 'site_key'])
    .executeTakeFirstOrThrow();
}
