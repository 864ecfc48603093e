import { type FormEvent, type KeyboardEvent, type ReactNode, useId } from 'react';
import { Spinner } from '../ui/spinner.tsx';

interface EditorFormProps {
  title: string;
  submitLabel: string;
  isSaving: boolean;
  error: string | null;
  onSubmit(): void;
  onCancel(): void;
  testId: string;
  submitTestId: string;
  children: ReactNode;
}

/**
 * The inline editor of the canned responses and labels pages: a titled form checked by its owner
 * (noValidate), Escape cancels, and Cancel / Save at the bottom.
 */
export function EditorForm({
  title,
  submitLabel,
  isSaving,
  error,
  onSubmit,
  onCancel,
  testId,
  submitTestId,
  children,
}: EditorFormProps) {
  const titleId = useId();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape' && !isSaving) {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form
      className="team-editor"
      onSubmit={handleSubmit}
      onKeyDown={handleKeyDown}
      noValidate
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <h3 className="team-editor__title" id={titleId}>
        {title}
      </h3>
      {children}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="team-editor__actions">
        <button type="button" className="btn btn--ghost" onClick={onCancel} disabled={isSaving}>
          Cancel
        </button>
        <button type="submit" className="btn btn--primary" disabled={isSaving} data-testid={submitTestId}>
          {isSaving ? <Spinner size="sm" /> : null}
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
