import './note-mode.css';

interface NoteModeToggleProps {
  isNote: boolean;
  onChange(isNote: boolean): void;
}

/** Reply (to the visitor) or Note (teammates only); `n` outside a text field switches too. */
export function NoteModeToggle({ isNote, onChange }: NoteModeToggleProps) {
  return (
    <fieldset className="note-toggle" aria-label="Write a">
      <button
        type="button"
        className="note-toggle__option"
        aria-pressed={!isNote}
        onClick={() => onChange(false)}
        data-testid="mode-reply"
      >
        Reply
      </button>
      <button
        type="button"
        className="note-toggle__option note-toggle__option--note"
        aria-pressed={isNote}
        onClick={() => onChange(true)}
        data-testid="mode-note"
        title="Internal note: only teammates see it (n)"
      >
        <LockIcon />
        Note
      </button>
    </fieldset>
  );
}

export function LockIcon({ size = 13 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" fill="none" aria-hidden="true" focusable="false">
      <rect x="3" y="7" width="10" height="7" rx="1.5" stroke="currentColor" strokeWidth="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}
