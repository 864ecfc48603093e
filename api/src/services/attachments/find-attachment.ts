import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';

export interface StoredAttachment {
  id: string;
  name: string;
  content_type: string;
  size_bytes: number;
  storage_key: string;
}

const COLUMNS = ['a.id', 'a.name', 'a.content_type', 'a.size_bytes', 'a.storage_key'] as const;

/** A file an agent may read: sent in a conversation of their workspace, or their own unsent upload. */
export async function findAgentAttachment(
  db: Kysely<Database>,
  agent: { workspaceId: string; userId: string },
  id: string,
): Promise<StoredAttachment | undefined> {
  return db
    .selectFrom('attachments as a')
    .select(COLUMNS)
    .where('a.id', '=', id)
    .where('a.workspace_id', '=', agent.workspaceId)
    .where((eb) =>
      eb.or([
        eb('a.message_id', 'is not', null),
        eb.and([eb('a.uploader_type', '=', 'agent'), eb('a.uploader_id', '=', agent.userId)]),
      ]),
    )
    .executeTakeFirst();
}

/**
 * A file a visitor may read: sent in a reply (never an internal note) of one of their own conversations,
 * or their own unsent upload.
 */
export async function findVisitorAttachment(
  db: Kysely<Database>,
  visitor: { workspaceId: string; visitorId: string },
  id: string,
): Promise<StoredAttachment | undefined> {
  return db
    .selectFrom('attachments as a')
    .leftJoin('messages as m', 'm.id', 'a.message_id')
    .leftJoin('conversations as c', 'c.id', 'm.conversation_id')
    .select(COLUMNS)
    .where('a.id', '=', id)
    .where('a.workspace_id', '=', visitor.workspaceId)
    .where((eb) =>
      eb.or([
        eb.and([eb('c.visitor_id', '=', visitor.visitorId), eb('m.kind', '=', 'reply')]),
        eb.and([
          eb('a.message_id', 'is', null),
          eb('a.uploader_type', '=', 'visitor'),
          eb('a.uploader_id', '=', visitor.visitorId),
        ]),
      ]),
    )
    .executeTakeFirst();
}
