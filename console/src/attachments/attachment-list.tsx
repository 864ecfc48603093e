import type { Attachment } from '@parley/api/protocol';
import { formatBytes } from './format-bytes.ts';
import './attachments.css';

const INLINE_IMAGES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const THUMB = { width: 240, height: 180 };

function thumbSize({ width, height }: Attachment) {
  if (!width || !height) return { width: 160, height: 120 };
  const scale = Math.min(1, THUMB.width / width, THUMB.height / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** A message's files. Names are React text, never HTML; every link downloads (the api serves only raster images inline). */
export function AttachmentList({ attachments }: { attachments: readonly Attachment[] | undefined }) {
  if (!attachments?.length) return null;
  return (
    <ul className="attachment-list" data-testid="attachments">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          {INLINE_IMAGES.includes(attachment.contentType) ? (
            <a
              className="attachment-thumb"
              href={`${attachment.url}?download=1`}
              download={attachment.name}
              title={`Download ${attachment.name}`}
              data-testid="attachment-thumbnail"
            >
              <img src={attachment.url} alt={attachment.name} loading="lazy" {...thumbSize(attachment)} />
            </a>
          ) : (
            <a
              className="attachment-card"
              href={`${attachment.url}?download=1`}
              download={attachment.name}
              data-testid="attachment-card"
            >
              <svg
                className="attachment-card__icon"
                width="24"
                height="24"
                viewBox="0 0 24 24"
                fill="none"
                aria-hidden="true"
              >
                <path
                  d="M6 2.5h8l5 5v13a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-17a1 1 0 0 1 1-1Z"
                  stroke="currentColor"
                  strokeWidth="1.6"
                />
                <path d="M14 2.5v5h5" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
              </svg>
              <span className="attachment-card__text">
                <span className="attachment-card__name">{attachment.name}</span>
                <span className="attachment-card__size">{formatBytes(attachment.size)}</span>
              </span>
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
