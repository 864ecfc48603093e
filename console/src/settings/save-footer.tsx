import { isApiError } from '../api/http.ts';
import { CheckIcon, LockIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

interface SaveFooterProps {
  state: SaveState;
  isDirty: boolean;
  canEdit: boolean;
  /** What the status says when there is nothing else to say, e.g. "3 of 4 members answer". */
  summary?: string;
  saveLabel?: string;
  onDiscard?(): void;
  testId: string;
}

/** The bottom bar of a settings card: save state on the left, Discard and Save on the right. */
export function SaveFooter({
  state,
  isDirty,
  canEdit,
  summary,
  saveLabel = 'Save changes',
  onDiscard,
  testId,
}: SaveFooterProps) {
  if (!canEdit) {
    return (
      <div className="settings-card__footer settings-card__footer--readonly">
        <span className="read-only-note">
          <LockIcon size={14} /> Only owners and admins can change this.
        </span>
      </div>
    );
  }
  const isSaving = state.kind === 'saving';
  return (
    <div className="settings-card__footer">
      <span className="save-status" role="status" data-testid={`${testId}-status`}>
        {state.kind === 'saved' && !isDirty ? (
          <span className="save-status--ok">
            <CheckIcon size={16} /> Saved
          </span>
        ) : state.kind === 'error' ? (
          <span className="save-status--error">{state.message}</span>
        ) : isDirty ? (
          <span className="muted">Unsaved changes</span>
        ) : summary ? (
          <span className="muted">{summary}</span>
        ) : null}
      </span>
      {onDiscard && isDirty ? (
        <button type="button" className="btn btn--ghost" onClick={onDiscard} disabled={isSaving}>
          Discard
        </button>
      ) : null}
      <button type="submit" className="btn btn--primary" disabled={!isDirty || isSaving} data-testid={testId}>
        {isSaving ? <Spinner size="sm" /> : null}
        {isSaving ? 'Saving…' : saveLabel}
      </button>
    </div>
  );
}

/** The message to show for a failed save. */
export function describeSaveError(error: unknown): string {
  if (isApiError(error, 'auth/forbidden')) return 'Only owners and admins can change this.';
  if (isApiError(error)) return error.message;
  return 'Could not save. Try again.';
}
