import type { FastifyRequest } from 'fastify';
import { AppError } from '../../app-error.ts';
import { ATTACHMENT_LIMITS } from '../../protocol/attachments.ts';
import { AttachmentFileRequired } from '../../services/attachments/save-upload.ts';

/** Room for the multipart boundaries and headers around the file itself. */
const ENVELOPE_BYTES = 16 * 1024;

export const MULTIPART_LIMITS = {
  fileSize: ATTACHMENT_LIMITS.maxBytes,
  files: 1,
  fields: 0,
  parts: 1,
  headerPairs: 20,
} as const;

export function tooLarge(): AppError {
  const megabytes = ATTACHMENT_LIMITS.maxBytes / (1024 * 1024);
  return new AppError('attachment/too_large', `A file can be at most ${megabytes} MB.`);
}

/** The one file of a multipart/form-data upload, read whole (at most ATTACHMENT_LIMITS.maxBytes). */
export async function readUpload(request: FastifyRequest): Promise<{ fileName: string; bytes: Buffer }> {
  const declared = Number(request.headers['content-length']);
  if (declared > ATTACHMENT_LIMITS.maxBytes + ENVELOPE_BYTES) throw tooLarge();
  if (!request.isMultipart()) throw new AttachmentFileRequired();
  try {
    const file = await request.file({ limits: MULTIPART_LIMITS });
    if (file?.fieldname !== 'file') throw new AttachmentFileRequired();
    const bytes = await file.toBuffer();
    // Busboy cuts a file at the limit; a cut file is refused, never stored.
    if (file.file.truncated || bytes.length > ATTACHMENT_LIMITS.maxBytes) throw tooLarge();
    return { fileName: file.filename, bytes };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (code?.startsWith('FST_') || code === 'FST_FILES_LIMIT') throw new AttachmentFileRequired();
    throw error;
  }
}
