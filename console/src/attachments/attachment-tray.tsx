import { CloseIcon } from '../ui/icons.tsx';
import { formatBytes } from './format-bytes.ts';
import type { PendingUpload } from './use-uploads.ts';

/** The files attached to the reply being written: progress, then ready, or the reason it failed. */
export function AttachmentTray({ uploads, onRemove }: { uploads: PendingUpload[]; onRemove(key: number): void }) {
  if (uploads.length === 0) return null;
  return (
    <ul className="upload-tray" aria-label="Attachments" data-testid="upload-tray">
      {uploads.map((upload) => (
        <li
          key={upload.key}
          className={`upload-chip upload-chip--${upload.status}`}
          data-status={upload.status}
          data-testid="upload-chip"
        >
          <span className="upload-chip__text">
            <span className="upload-chip__name">{upload.name}</span>
            <span className="upload-chip__detail" role={upload.status === 'failed' ? 'alert' : undefined}>
              {upload.status === 'failed' ? upload.error : formatBytes(upload.size)}
            </span>
          </span>
          {upload.status === 'uploading' ? (
            <progress
              className="upload-chip__progress"
              max={100}
              value={Math.round(upload.progress * 100)}
              aria-label={`Uploading ${upload.name}`}
            />
          ) : null}
          <button
            type="button"
            className="icon-button icon-button--sm upload-chip__remove"
            onClick={() => onRemove(upload.key)}
            aria-label={upload.status === 'uploading' ? `Cancel uploading ${upload.name}` : `Remove ${upload.name}`}
          >
            <CloseIcon size={14} />
          </button>
        </li>
      ))}
    </ul>
  );
}
