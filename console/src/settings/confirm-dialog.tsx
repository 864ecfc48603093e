import { type ReactNode, useId, useRef } from 'react';
import { Spinner } from '../ui/spinner.tsx';
import { useModalDialog } from '../ui/use-modal-dialog.ts';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  isBusy?: boolean;
  error?: string | null;
  onConfirm(): void;
  onCancel(): void;
  testId?: string;
}

/**
 * A modal question on the native <dialog>: focus moves into it and stays there, Escape cancels, and focus
 * returns to what opened it. Cancel has the focus first, so Enter never destroys anything by accident.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  isBusy = false,
  error,
  onConfirm,
  onCancel,
  testId,
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useModalDialog(dialogRef, cancelRef);

  return (
    <dialog
      ref={dialogRef}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!isBusy) onCancel();
      }}
      data-testid={testId}
    >
      <h2 className="confirm-dialog__title" id={titleId}>
        {title}
      </h2>
      <div className="confirm-dialog__body" id={bodyId}>
        {children}
      </div>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="confirm-dialog__actions">
        <button ref={cancelRef} type="button" className="btn btn--secondary" onClick={onCancel} disabled={isBusy}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn--danger"
          onClick={onConfirm}
          disabled={isBusy}
          data-testid={testId ? `${testId}-confirm` : undefined}
        >
          {isBusy ? <Spinner size="sm" /> : null}
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
