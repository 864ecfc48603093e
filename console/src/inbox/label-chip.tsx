import type { Label } from '@parley/api/protocol';
import './label-chip.css';

/** A label as a coloured chip; the colour is decoration, the name carries the meaning. */
export function LabelChip({ label, size = 'md' }: { label: Label; size?: 'sm' | 'md' }) {
  return (
    <span
      className={`label-chip${size === 'sm' ? ' label-chip--sm' : ''}`}
      data-color={label.color}
      data-testid="label-chip"
      data-label-id={label.id}
      title={label.name}
    >
      <span className="label-chip__dot" aria-hidden="true" />
      <span className="label-chip__name">{label.name}</span>
    </span>
  );
}
