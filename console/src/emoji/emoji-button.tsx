import { lazy, type RefObject, Suspense, useRef, useState } from 'react';

// The popover (its emoji data included) is a chunk of its own, fetched the first time the button is pressed.
const EmojiPopover = lazy(() => import('./emoji-popover.tsx'));

/** The smiley in the agent composer: opens the picker, which inserts at the textarea's caret. */
export function EmojiButton({
  textareaRef,
  onInsert,
}: {
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  onInsert(body: string): void;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <span className="emoji-anchor">
      <button
        ref={buttonRef}
        type="button"
        className="icon-button"
        aria-label="Insert emoji"
        title="Insert emoji"
        aria-expanded={isOpen}
        aria-haspopup="dialog"
        onClick={() => setIsOpen(!isOpen)}
        data-testid="emoji-button"
      >
        <svg width="18" height="18" viewBox="0 0 24 24" fill="none" aria-hidden="true">
          <path
            d="M3 12a9 9 0 1 0 18 0 9 9 0 1 0-18 0m5.5 2a4 4 0 0 0 7 0M9 9.5v.5m6-.5v.5"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          />
        </svg>
      </button>
      {isOpen ? (
        <Suspense fallback={null}>
          <EmojiPopover
            textarea={textareaRef.current}
            button={buttonRef.current}
            onInsert={onInsert}
            onClose={() => setIsOpen(false)}
          />
        </Suspense>
      ) : null}
    </span>
  );
}
