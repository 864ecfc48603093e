import type { FastifyReply } from 'fastify';
import { INLINE_IMAGE_TYPES } from '../../protocol/attachments.ts';
import type { AttachmentFiles } from '../../services/attachments/attachment-files.ts';
import { contentDisposition } from '../../services/attachments/file-name.ts';
import type { StoredAttachment } from '../../services/attachments/find-attachment.ts';

/**
 * Sends a stored file so that no browser renders it as a page: the exact type we detected, never
 * sniffed, a sandbox CSP for good measure, and a download unless it is a raster image (never SVG).
 * `?download=1` asks for a download even of an image.
 */
export function sendAttachment(
  reply: FastifyReply,
  files: AttachmentFiles,
  attachment: StoredAttachment,
  isDownload: boolean,
) {
  const isInline = !isDownload && INLINE_IMAGE_TYPES.includes(attachment.content_type);
  const contentType = attachment.content_type === 'text/plain' ? 'text/plain; charset=utf-8' : attachment.content_type;
  return reply
    .header('content-type', contentType)
    .header('content-length', attachment.size_bytes)
    .header('content-disposition', contentDisposition(isInline ? 'inline' : 'attachment', attachment.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('cache-control', 'private, max-age=86400, immutable')
    .send(files.read(attachment.storage_key));
}
