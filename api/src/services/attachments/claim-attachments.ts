import type { Database, MessageAttachmentMeta } from '@parley/db';
import type { Transaction } from 'kysely';
import { AppError } from '../../app-error.ts';
import { attachmentMeta } from './present-attachment.ts';

export interface AttachmentClaim {
  ids: readonly string[];
  workspaceId: string;
  /** Only the one who uploaded a file may send it. */
  uploader: { type: 'visitor' | 'agent'; id: string };
  conversationId: string;
}

/**
 * Locks the uploads a message.send names and returns their metadata in the order given. Each must be the
 * sender's own, in this workspace, not yet sent, and uploaded for this conversation (or, a visitor's, for
 * none yet). A foreign or missing id answers like a missing one.
 */
export async function claimAttachments(
  trx: Transaction<Database>,
  claim: AttachmentClaim,
): Promise<MessageAttachmentMeta[]> {
  const ids = [...new Set(claim.ids)];
  const rows = await trx
    .selectFrom('attachments')
    .select(['id', 'name', 'size_bytes', 'content_type', 'width', 'height', 'message_id', 'conversation_id'])
    .where('id', 'in', ids)
    .where('workspace_id', '=', claim.workspaceId)
    .where('uploader_type', '=', claim.uploader.type)
    .where('uploader_id', '=', claim.uploader.id)
    .forUpdate()
    .execute();
  if (rows.length !== ids.length) throw new AppError('attachment/not_found', 'No such attachment.');
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = byId.get(id);
    if (!row) throw new AppError('attachment/not_found', 'No such attachment.');
    if (row.message_id !== null || (row.conversation_id !== null && row.conversation_id !== claim.conversationId)) {
      throw new AppError('attachment/unusable', 'This attachment was already sent or belongs to another conversation.');
    }
    return attachmentMeta(row);
  });
}

/** Binds claimed uploads to the message that carries them. */
export async function linkAttachments(
  trx: Transaction<Database>,
  attachments: readonly MessageAttachmentMeta[],
  message: { id: string; conversationId: string },
): Promise<void> {
  if (attachments.length === 0) return;
  await trx
    .updateTable('attachments')
    .set({ message_id: message.id, conversation_id: message.conversationId })
    .where(
      'id',
      'in',
      attachments.map((attachment) => attachment.id),
    )
    .execute();
}
