import type { MouseEvent } from 'react';

interface BulkRowCheckProps {
  id: string;
  name: string;
  isSelected: boolean;
  onToggle(id: string, isRange: boolean): void;
}

/** A row's checkbox; Shift+click selects the range from the last one clicked. */
export function BulkRowCheck({ id, name, isSelected, onToggle }: BulkRowCheckProps) {
  return (
    <label className="bulk-row__check">
      <input
        type="checkbox"
        checked={isSelected}
        aria-label={`Select conversation with ${name}`}
        onChange={() => {}}
        onClick={(event: MouseEvent<HTMLInputElement>) => onToggle(id, event.shiftKey)}
        data-testid={`select-${id}`}
      />
    </label>
  );
}
