import { type KeyboardEvent, useId, useRef } from 'react';
import { CloseIcon } from '../ui/icons.tsx';
import { useModalDialog } from '../ui/use-modal-dialog.ts';
import { SHORTCUT_GROUPS } from './shortcut-list.ts';

/**
 * Every shortcut, in a modal native <dialog>: the focus moves in and stays there, Escape closes it, and
 * the focus returns to where it was.
 */
export function ShortcutHelpDialog({ onClose }: { onClose(): void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useModalDialog(dialogRef, closeRef);

  return (
    <dialog
      ref={dialogRef}
      className="shortcut-help"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Tab') keepFocusInside(event);
      }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      data-testid="shortcut-help"
    >
      <div className="shortcut-help__header">
        <h2 className="shortcut-help__title" id={titleId}>
          Keyboard shortcuts
        </h2>
        <button
          ref={closeRef}
          type="button"
          className="icon-button"
          onClick={onClose}
          aria-label="Close"
          data-testid="shortcut-help-close"
        >
          <CloseIcon size={18} />
        </button>
      </div>
      <div className="shortcut-help__groups">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} className="shortcut-help__group" aria-label={group.title}>
            <h3 className="shortcut-help__group-title">{group.title}</h3>
            <dl className="shortcut-help__list">
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.description} className="shortcut-help__item" data-testid="shortcut-help-item">
                  <dt className="shortcut-help__keys">
                    {shortcut.keys.map((sequence, index) => (
                      <span key={sequence.join('+')} className="shortcut-help__sequence">
                        {index > 0 ? <span className="shortcut-help__or">or</span> : null}
                        {sequence.map((key, keyIndex) => (
                          <span key={key}>
                            {keyIndex > 0 ? <span className="shortcut-help__then">then</span> : null}
                            <KeyChord chord={key} />
                          </span>
                        ))}
                      </span>
                    ))}
                  </dt>
                  <dd>{shortcut.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}

/** "Ctrl+K" → Ctrl + K, each key in its own <kbd>. */
function KeyChord({ chord }: { chord: string }) {
  const keys = chord.split('+');
  if (keys.length === 1) return <kbd>{chord}</kbd>;
  return (
    <kbd className="shortcut-help__chord">
      {keys.map((key, index) => (
        <span key={key}>
          {index > 0 ? '+' : null}
          <kbd>{key}</kbd>
        </span>
      ))}
    </kbd>
  );
}

/** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
function keepFocusInside(event: KeyboardEvent<HTMLDialogElement>) {
  const controls = event.currentTarget.querySelectorAll<HTMLElement>('button, a[href], [tabindex="0"]');
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey ? active === first : active === last) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}
