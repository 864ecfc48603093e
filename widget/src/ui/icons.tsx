// Inline icons (no network, no font). Decorative: the buttons carry the labels.

export function CloseIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path d="M6 6l12 12M18 6 6 18" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
    </svg>
  );
}

export function SendIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path
        d="M4.4 11.1 18.6 4.3c.9-.4 1.8.5 1.4 1.4l-6.8 14.2c-.4.9-1.7.8-1.9-.2l-1.3-5.3a1 1 0 0 0-.7-.7l-5.3-1.3c-1-.2-1.1-1.5-.2-1.9Z"
        fill="currentColor"
      />
    </svg>
  );
}

export function LockIcon() {
  return (
    <svg width="28" height="28" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <rect x="5" y="10.5" width="14" height="10" rx="2.5" fill="currentColor" />
      <path d="M8.5 10.5V8a3.5 3.5 0 0 1 7 0v2.5" stroke="currentColor" stroke-width="2" />
    </svg>
  );
}

/** A speaker; crossed out when muted. */
export function SoundIcon({ isMuted }: { isMuted: boolean }) {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4z" fill="currentColor" />
      <path
        d={isMuted ? 'm16 9.5 5 5m0-5-5 5' : 'M16 9a4 4 0 0 1 0 6m2.5-8.5a7.5 7.5 0 0 1 0 11'}
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
      />
    </svg>
  );
}
