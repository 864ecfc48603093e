import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { AppError } from '../../app-error.ts';
import type { Attachment } from '../../protocol/attachments.ts';
import type { AttachmentFiles } from './attachment-files.ts';
import { detectContentType } from './detect-content-type.ts';
import { cleanFileName } from './file-name.ts';
import { readImageSize } from './image-size.ts';
import { attachmentMeta, presentAttachment } from './present-attachment.ts';

export interface UploadInput {
  workspaceId: string;
  /** Known for an agent's upload; a visitor's upload gets its conversation when a message uses it. */
  conversationId: string | null;
  uploader: { type: 'visitor' | 'agent'; id: string };
  fileName: string | undefined;
  bytes: Uint8Array;
}

/** Checks an upload's bytes against the allowlist, writes them to disk and records whose they are. */
export async function saveUpload(
  db: Kysely<Database>,
  files: AttachmentFiles,
  input: UploadInput,
): Promise<Attachment> {
  if (input.bytes.length === 0) throw new AttachmentFileRequired();
  const contentType = await detectContentType(input.bytes);
  if (!contentType) {
    throw new AppError(
      'attachment/type_not_allowed',
      'This kind of file cannot be sent. Send an image (PNG, JPEG, GIF, WebP), a PDF, a text file, an Office document or a zip.',
    );
  }
  const size = readImageSize(input.bytes, contentType);
  const storageKey = await files.write(input.bytes);
  try {
    const row = await db
      .insertInto('attachments')
      .values({
        workspace_id: input.workspaceId,
        conversation_id: input.conversationId,
        uploader_type: input.uploader.type,
        uploader_id: input.uploader.id,
        name: cleanFileName(input.fileName),
        content_type: contentType,
        size_bytes: input.bytes.length,
        width: size?.width ?? null,
        height: size?.height ?? null,
        storage_key: storageKey,
      })
      .returning(['id', 'name', 'size_bytes', 'content_type', 'width', 'height'])
      .executeTakeFirstOrThrow();
    return presentAttachment(attachmentMeta(row));
  } catch (error) {
    await files.remove(storageKey);
    throw error;
  }
}

export class AttachmentFileRequired extends AppError {
  constructor() {
    super('attachment/file_required', 'Send one non-empty file in a multipart/form-data field named "file".');
  }
}
