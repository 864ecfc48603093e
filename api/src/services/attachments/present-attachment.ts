import type { MessageAttachmentMeta } from '@parley/db';
import type { Attachment } from '../../protocol/attachments.ts';

export interface AttachmentRow {
  id: string;
  name: string;
  size_bytes: number;
  content_type: string;
  width: number | null;
  height: number | null;
}

/** What a message stores of each attachment (messages.attachments). */
export function attachmentMeta(row: AttachmentRow): MessageAttachmentMeta {
  return {
    id: row.id,
    name: row.name,
    size: row.size_bytes,
    contentType: row.content_type,
    ...(row.width && row.height ? { width: row.width, height: row.height } : {}),
  };
}

export function presentAttachment(meta: MessageAttachmentMeta): Attachment {
  return { ...meta, url: `/v1/attachments/${meta.id}` };
}
