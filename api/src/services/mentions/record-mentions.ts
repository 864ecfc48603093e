import type { Database } from '@parley/db';
import type { Transaction } from 'kysely';
import { MENTIONS_PER_NOTE_MAX } from '../../protocol/note-rest.ts';
import { findMentionedMembers } from './find-mentioned-members.ts';

export interface StoredMention {
  id: string;
  userId: string;
}

/**
 * Stores a mention for each active member of the workspace the note names (never its author), at most
 * MENTIONS_PER_NOTE_MAX. Names of anyone else are plain text.
 */
export async function recordMentions(
  trx: Transaction<Database>,
  note: { workspaceId: string; conversationId: string; messageId: string; authorId: string; body: string },
): Promise<StoredMention[]> {
  if (!note.body.includes('@')) return [];
  const members = await trx
    .selectFrom('memberships as ms')
    .innerJoin('users as u', 'u.id', 'ms.user_id')
    .select(['u.id', 'u.name'])
    .where('ms.workspace_id', '=', note.workspaceId)
    .where('ms.deactivated_at', 'is', null)
    .where('u.id', '!=', note.authorId)
    .execute();
  const mentioned = findMentionedMembers(note.body, members).slice(0, MENTIONS_PER_NOTE_MAX);
  if (mentioned.length === 0) return [];
  const rows = await trx
    .insertInto('mentions')
    .values(
      mentioned.map((member) => ({
        workspace_id: note.workspaceId,
        conversation_id: note.conversationId,
        message_id: note.messageId,
        user_id: member.id,
        author_id: note.authorId,
      })),
    )
    .returning(['id', 'user_id'])
    .execute();
  return rows.map((row) => ({ id: row.id, userId: row.user_id }));
}
