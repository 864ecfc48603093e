import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import type { Participant } from '../../protocol/note-rest.ts';

/** The conversation's participants, oldest first; scoped by workspace (another's conversation has none). */
export async function loadParticipants(
  db: Kysely<Database>,
  workspaceId: string,
  conversationId: string,
): Promise<Participant[]> {
  const rows = await db
    .selectFrom('conversation_participants as p')
    .innerJoin('conversations as c', 'c.id', 'p.conversation_id')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['u.id', 'u.name', 'p.joined_at'])
    .where('c.id', '=', conversationId)
    .where('c.workspace_id', '=', workspaceId)
    .orderBy('p.joined_at')
    .orderBy('u.id')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, joinedAt: row.joined_at.toISOString() }));
}

/** The open (not resolved) conversations the agent takes part in: their socket follows them. */
export async function loadParticipatingConversationIds(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('conversation_participants as p')
    .innerJoin('conversations as c', 'c.id', 'p.conversation_id')
    .select('c.id')
    .where('p.user_id', '=', userId)
    .where('c.workspace_id', '=', workspaceId)
    .where('c.status', '!=', 'resolved')
    .execute();
  return rows.map((row) => row.id);
}
