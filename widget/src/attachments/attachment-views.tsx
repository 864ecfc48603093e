// widget-chat.attachment-views-<hash>.js: uploads with progress and cancel, thumbnails and file cards.
// Loaded on demand (lazy-attachments.tsx). File names are text nodes and attributes: never parsed as HTML.
import type { Attachment } from '@parley/api/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../sync/api-request.ts';
import { useChunkStyles } from '../ui/use-chunk-styles.ts';
import { attachmentStringsFor, uploadErrorText } from './attachment-strings.ts';
import css from './attachments.css?inline';
import { downloadFile, fileBlobUrl, formatBytes } from './file-blob.ts';
import { startUpload } from './upload-request.ts';

const INLINE_IMAGES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const THUMB_MAX = { width: 220, height: 180 };

export interface UploadTrayProps {
  files: File[];
  locale: string | undefined;
  /** Uploaded: send it. */
  onUploaded(attachment: Attachment): void;
  /** Done, cancelled or dismissed: take it off the tray. */
  onRemove(file: File): void;
}

const keys = new WeakMap<File, number>();
let nextKey = 0;
function keyOf(file: File): number {
  if (!keys.has(file)) keys.set(file, ++nextKey);
  return keys.get(file) ?? 0;
}

/** The files being uploaded, above the composer. */
export function UploadTray({ files, locale, onUploaded, onRemove }: UploadTrayProps) {
  const ref = useRef<HTMLUListElement>(null);
  useChunkStyles(ref, css);
  return (
    <ul class="uploads" ref={ref} data-testid="parley-uploads">
      {files.map((file) => (
        <UploadRow key={keyOf(file)} file={file} locale={locale} onUploaded={onUploaded} onRemove={onRemove} />
      ))}
    </ul>
  );
}

function UploadRow({ file, locale, onUploaded, onRemove }: Omit<UploadTrayProps, 'files'> & { file: File }) {
  const t = attachmentStringsFor(locale);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const abortRef = useRef<() => void>(() => {});

  useEffect(() => {
    const upload = startUpload(file, setProgress);
    abortRef.current = upload.abort;
    upload.done.then(
      (attachment) => {
        onUploaded(attachment);
        onRemove(file);
      },
      (failure: ApiError) => {
        if (failure.code === 'upload/aborted') onRemove(file);
        else setError(uploadErrorText(t, failure.code, file.name));
      },
    );
    return () => upload.abort();
  }, [file]);

  if (error) {
    return (
      <li class="upload is-error" data-testid="parley-upload-error">
        <span class="upload-text" role="alert">
          {error}
        </span>
        <button type="button" class="upload-x" aria-label={t.dismiss} onClick={() => onRemove(file)}>
          <CrossIcon />
        </button>
      </li>
    );
  }
  const percent = Math.round(progress * 100);
  return (
    <li class="upload" data-testid="parley-upload">
      <span class="upload-text">{file.name}</span>
      <span
        class="upload-bar"
        role="progressbar"
        aria-label={t.uploading(file.name)}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span style={{ width: `${percent}%` }} />
      </span>
      <button type="button" class="upload-x" aria-label={t.cancel(file.name)} onClick={() => abortRef.current()}>
        <CrossIcon />
      </button>
    </li>
  );
}

export interface AttachmentListProps {
  attachments: Attachment[];
  locale: string | undefined;
}

/** A message's files: images as thumbnails, the rest as cards; each downloads on click. */
export function AttachmentList({ attachments, locale }: AttachmentListProps) {
  const ref = useRef<HTMLUListElement>(null);
  useChunkStyles(ref, css);
  return (
    <ul class="files" ref={ref} data-testid="parley-attachments">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          {INLINE_IMAGES.includes(attachment.contentType) ? (
            <Thumbnail attachment={attachment} locale={locale} />
          ) : (
            <FileCard attachment={attachment} locale={locale} />
          )}
        </li>
      ))}
    </ul>
  );
}

function thumbSize({ width, height }: Attachment): { width: number; height: number } {
  if (!width || !height) return { width: 160, height: 120 };
  const scale = Math.min(1, THUMB_MAX.width / width, THUMB_MAX.height / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function Thumbnail({ attachment, locale }: { attachment: Attachment; locale: string | undefined }) {
  const t = attachmentStringsFor(locale);
  const [url, setUrl] = useState<string | null>(null);
  const [isMissing, setMissing] = useState(false);
  useEffect(() => {
    fileBlobUrl(attachment.id).then(setUrl, () => setMissing(true));
  }, [attachment.id]);
  const size = thumbSize(attachment);
  if (isMissing) return <FileCard attachment={attachment} locale={locale} />;
  return (
    <a
      class="thumb"
      href={url ?? undefined}
      download={attachment.name}
      aria-label={t.download(attachment.name)}
      data-testid="parley-thumbnail"
      style={{ width: `${size.width}px`, height: `${size.height}px` }}
    >
      {url && <img src={url} alt={attachment.name} width={size.width} height={size.height} />}
    </a>
  );
}

function FileCard({ attachment, locale }: { attachment: Attachment; locale: string | undefined }) {
  const t = attachmentStringsFor(locale);
  const ref = useRef<HTMLButtonElement>(null);
  const [isMissing, setMissing] = useState(false);
  return (
    <button
      type="button"
      class="file-card"
      ref={ref}
      data-testid="parley-file-card"
      title={t.download(attachment.name)}
      onClick={() => {
        const root = ref.current?.getRootNode() ?? document.body;
        downloadFile(attachment.id, attachment.name, root instanceof ShadowRoot ? root : document.body).catch(() =>
          setMissing(true),
        );
      }}
    >
      <FileIcon />
      <span class="file-text">
        <span class="file-name">{attachment.name}</span>
        <span class="file-size">{isMissing ? t.unavailable : formatBytes(attachment.size, locale)}</span>
      </span>
    </button>
  );
}

function CrossIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path d="M6 6l12 12M18 6 6 18" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" />
    </svg>
  );
}

function FileIcon() {
  return (
    <svg class="file-icon" width="28" height="28" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path d="M6 2.5h8l5 5v13a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-17a1 1 0 0 1 1-1Z" fill="currentColor" opacity=".18" />
      <path d="M14 2.5v5h5" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />
      <path
        d="M6 2.5h8l5 5v13a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-17a1 1 0 0 1 1-1Z"
        stroke="currentColor"
        stroke-width="1.6"
      />
    </svg>
  );
}
