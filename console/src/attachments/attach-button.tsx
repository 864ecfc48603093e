import { useRef } from 'react';

/** The paperclip: opens the file picker. */
export function AttachButton({ onFiles, isDisabled }: { onFiles(files: File[]): void; isDisabled?: boolean }) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        data-testid="attach-input"
        onChange={(event) => {
          onFiles([...(event.target.files ?? [])]);
          event.target.value = '';
        }}
      />
      <button
        type="button"
        className="icon-button composer__attach"
        aria-label="Attach files"
        title="Attach files (or drop or paste them here)"
        disabled={isDisabled}
        onClick={() => inputRef.current?.click()}
        data-testid="attach"
      >
        <svg width="18" height="18" viewBox="0 0 24 24" fill="none" aria-hidden="true">
          <path
            d="m20 12-8 8a5 5 0 0 1-7-7l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7L9.7 17.7a1.6 1.6 0 0 1-2.3-2.3L15 8"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          />
        </svg>
      </button>
    </>
  );
}
