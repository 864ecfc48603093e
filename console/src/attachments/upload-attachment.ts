import type { Attachment } from '@parley/api/protocol';

export interface UploadHandle {
  done: Promise<Attachment>;
  abort(): void;
}

/** A failed upload: the api's error code and message, or upload/aborted, or network/unreachable. */
export class UploadError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * POST /v1/conversations/:id/attachments with XMLHttpRequest (fetch reports no upload progress). Same
 * origin, so the session cookie and the Origin header go with it.
 */
export function uploadAttachment(
  conversationId: string,
  file: File,
  onProgress: (fraction: number) => void,
): UploadHandle {
  const request = new XMLHttpRequest();
  const done = new Promise<Attachment>((resolve, reject) => {
    request.open('POST', `/v1/conversations/${encodeURIComponent(conversationId)}/attachments`);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as { attachment?: Attachment; code?: string; message?: string } | null;
      if (request.status === 201 && body?.attachment) resolve(body.attachment);
      else reject(new UploadError(body?.code ?? 'server/internal', body?.message ?? 'The file could not be uploaded.'));
    };
    request.onerror = () => reject(new UploadError('network/unreachable', 'The server could not be reached.'));
    request.onabort = () => reject(new UploadError('upload/aborted', 'Cancelled.'));
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
  return { done, abort: () => request.abort() };
}

/** The sentence an agent reads for an upload error code. */
export function describeUploadError(code: string, message: string): string {
  if (code === 'attachment/too_large') return 'Too big: files can be up to 10 MB.';
  if (code === 'attachment/type_not_allowed')
    return 'This type of file can’t be sent. Images, PDFs, text, Office documents and zips can.';
  if (code === 'rate/limited') return 'Too many uploads. Wait a minute and try again.';
  if (code === 'network/unreachable') return 'The server could not be reached. Try again.';
  return message;
}
