import type { Visitor } from '@parley/db';
import type { ContactSummary } from '../../protocol/contact-rest.ts';

export type ContactRow = Pick<
  Visitor,
  'id' | 'inbox_id' | 'name' | 'email' | 'external_id' | 'is_verified' | 'created_at' | 'last_seen_at'
> & { conversation_count: number | string | bigint };

export function presentContactSummary(row: ContactRow): ContactSummary {
  return {
    id: row.id,
    inboxId: row.inbox_id,
    name: row.name,
    email: row.email,
    externalId: row.external_id,
    isVerified: row.is_verified,
    conversationCount: Number(row.conversation_count),
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
  };
}
