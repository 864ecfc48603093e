import { strings } from '../i18n/strings.ts';

/** The paperclip: a visually hidden, still focusable file input and its icon, inside the composer's label. */
export function AttachInput({ onFiles }: { onFiles(files: File[]): unknown }) {
  return (
    <>
      <input
        type="file"
        multiple
        data-testid="parley-attach"
        style={{ position: 'absolute', width: '1px', opacity: 0 }}
        aria-label={strings.attachFile}
        onChange={(event) => {
          const input = event.currentTarget;
          onFiles([...(input.files ?? [])]);
          input.value = '';
        }}
      />
      <svg width="20" height="20" viewBox="0 0 24 24" fill="none" aria-hidden="true">
        <path
          d="m20 12-8 8a5 5 0 0 1-7-7l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7L9.7 17.7a1.6 1.6 0 0 1-2.3-2.3L15 8"
          stroke="currentColor"
          stroke-width="2"
          stroke-linecap="round"
        />
      </svg>
    </>
  );
}
