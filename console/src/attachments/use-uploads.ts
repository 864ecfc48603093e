import type { Attachment } from '@parley/api/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeUploadError, type UploadHandle, uploadAttachment } from './upload-attachment.ts';

export const MAX_ATTACHMENTS = 10;

export interface PendingUpload {
  key: number;
  name: string;
  size: number;
  progress: number;
  status: 'uploading' | 'ready' | 'failed';
  attachment?: Attachment;
  error?: string;
}

let nextKey = 0;

/**
 * The files an agent attached to the reply they are writing: each uploads at once (progress, cancel),
 * and the ready ones go with the next send. Uploads are per conversation and dropped when it changes.
 */
export function useUploads(conversationId: string) {
  const [uploads, setUploads] = useState<PendingUpload[]>([]);
  const handles = useRef(new Map<number, UploadHandle>());

  const update = useCallback((key: number, change: Partial<PendingUpload>) => {
    setUploads((current) => current.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)));
  }, []);

  useEffect(() => {
    const open = handles.current;
    return () => {
      for (const handle of open.values()) handle.abort();
      open.clear();
      setUploads([]);
    };
  }, [conversationId]);

  function add(files: readonly File[]) {
    const room = MAX_ATTACHMENTS - uploads.length;
    for (const file of files.slice(0, Math.max(0, room))) {
      const key = ++nextKey;
      setUploads((current) => [
        ...current,
        { key, name: file.name, size: file.size, progress: 0, status: 'uploading' },
      ]);
      const handle = uploadAttachment(conversationId, file, (progress) => update(key, { progress }));
      handles.current.set(key, handle);
      handle.done
        .then(
          (attachment) => update(key, { status: 'ready', progress: 1, attachment }),
          (error: { code: string; message: string }) => {
            if (error.code === 'upload/aborted') remove(key);
            else update(key, { status: 'failed', error: describeUploadError(error.code, error.message) });
          },
        )
        .finally(() => handles.current.delete(key));
    }
  }

  function remove(key: number) {
    handles.current.get(key)?.abort();
    setUploads((current) => current.filter((upload) => upload.key !== key));
  }

  const ready = uploads.flatMap((upload) => (upload.attachment ? [upload.attachment] : []));
  return {
    uploads,
    ready,
    isUploading: uploads.some((upload) => upload.status === 'uploading'),
    add,
    remove,
    clear: () => setUploads([]),
  };
}
