import { TrashIcon } from '../ui/icons.tsx';

interface RowActionsProps {
  /** What the row is called, for the buttons' names ("Edit /refund", "Delete Billing"). */
  name: string;
  onEdit(): void;
  onDelete(): void;
  /** `<prefix>-edit` and `<prefix>-delete`. */
  testIdPrefix: 'canned' | 'label';
}

/** Edit and Delete at the end of a row of the canned responses and labels pages. */
export function RowActions({ name, onEdit, onDelete, testIdPrefix }: RowActionsProps) {
  return (
    <span className="team-row__actions">
      <button
        type="button"
        className="btn btn--secondary btn--sm"
        onClick={onEdit}
        aria-label={`Edit ${name}`}
        data-testid={`${testIdPrefix}-edit`}
      >
        Edit
      </button>
      <button
        type="button"
        className="icon-button icon-button--danger"
        onClick={onDelete}
        aria-label={`Delete ${name}`}
        title="Delete"
        data-testid={`${testIdPrefix}-delete`}
      >
        <TrashIcon size={16} />
      </button>
    </span>
  );
}
