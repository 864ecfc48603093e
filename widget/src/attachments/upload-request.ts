import type { Attachment } from '@parley/api/protocol';
import { preChatContext } from '../pre-chat/pre-chat-context.ts';
import { ApiError } from '../sync/api-request.ts';

/** The api's limit (ATTACHMENT_LIMITS.maxBytes), checked here too so a huge file is not sent only to be refused. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface Upload {
  done: Promise<Attachment>;
  abort(): void;
}

/**
 * POST /v1/widget/attachments with XMLHttpRequest, whose upload events report progress (fetch has none).
 * Rejects with an ApiError carrying the api's code, or 'upload/aborted' after abort().
 */
export function startUpload(file: File, onProgress: (fraction: number) => void): Upload {
  const request = new XMLHttpRequest();
  let isAborted = false;
  const done = new Promise<Attachment>((resolve, reject) => {
    if (file.size > MAX_UPLOAD_BYTES) return reject(new ApiError(413, 'attachment/too_large', 'too large'));
    preChatContext.visitorToken().then((token) => {
      if (isAborted) return reject(new ApiError(0, 'upload/aborted', 'aborted'));
      request.open('POST', `${preChatContext.apiBase}/v1/widget/attachments`);
      request.setRequestHeader('authorization', `Bearer ${token}`);
      request.responseType = 'json';
      request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
      request.onload = () => {
        const body = request.response as { attachment?: Attachment; code?: string; message?: string } | null;
        if (request.status === 201 && body?.attachment) resolve(body.attachment);
        else reject(new ApiError(request.status, body?.code ?? 'server/internal', body?.message ?? ''));
      };
      request.onerror = () => reject(new ApiError(0, 'network/unreachable', 'network'));
      request.onabort = () => reject(new ApiError(0, 'upload/aborted', 'aborted'));
      const form = new FormData();
      form.append('file', file, file.name);
      request.send(form);
    }, reject);
  });
  return {
    done,
    abort() {
      isAborted = true;
      request.abort();
    },
  };
}
