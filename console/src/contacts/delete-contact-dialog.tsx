import type { ContactDetail } from '@parley/api/protocol';
import { type FormEvent, useId, useRef, useState } from 'react';
import { Spinner } from '../ui/spinner.tsx';
import { useModalDialog } from '../ui/use-modal-dialog.ts';
import { deleteContact } from './contact-endpoints.ts';
import { deletePhrase, describeContact, describeConversationCount, isDeletePhraseTyped } from './contact-text.ts';

interface DeleteContactDialogProps {
  contact: ContactDetail;
  onDeleted(): void;
  onCancel(): void;
}

/** Deleting erases a person's data: the agent types their email (or name) to confirm. */
export function DeleteContactDialog({ contact, onDeleted, onCancel }: DeleteContactDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const [typed, setTyped] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const phrase = deletePhrase(contact);
  const isTyped = isDeletePhraseTyped(typed, phrase);

  useModalDialog(dialogRef, inputRef);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!isTyped || isBusy) return;
    setIsBusy(true);
    setError(null);
    try {
      await deleteContact(contact.id);
      onDeleted();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Could not delete. Try again.');
      setIsBusy(false);
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="confirm-dialog contact-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!isBusy) onCancel();
      }}
      data-testid="delete-dialog"
    >
      <form className="contact-dialog__form" onSubmit={handleSubmit}>
        <h2 className="confirm-dialog__title" id={titleId}>
          Delete {describeContact(contact)}?
        </h2>
        <div className="confirm-dialog__body" id={bodyId}>
          <p>
            This deletes the contact and all their data for good:{' '}
            {contact.conversationCount > 0
              ? `${describeConversationCount(contact.conversationCount)} with every message, `
              : ''}
            the pages they visited and their devices. Their open chat is closed.
          </p>
        </div>
        <label className="field">
          <span className="field__label">
            Type <strong className="contact-dialog__phrase">{phrase}</strong> to confirm
          </span>
          <input
            ref={inputRef}
            className="input"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            data-testid="delete-phrase"
          />
        </label>
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="confirm-dialog__actions">
          <button type="button" className="btn btn--secondary" onClick={onCancel} disabled={isBusy}>
            Cancel
          </button>
          <button type="submit" className="btn btn--danger" disabled={!isTyped || isBusy} data-testid="delete-confirm">
            {isBusy ? <Spinner size="sm" /> : null}
            Delete contact
          </button>
        </div>
      </form>
    </dialog>
  );
}
