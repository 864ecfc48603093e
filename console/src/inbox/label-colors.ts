import type { LabelColor } from '@parley/api/protocol';

/** The palette in the order the colour picker shows it, with the name people read. */
export const LABEL_COLORS: readonly { value: LabelColor; name: string }[] = [
  { value: 'grey', name: 'Grey' },
  { value: 'red', name: 'Red' },
  { value: 'orange', name: 'Orange' },
  { value: 'amber', name: 'Amber' },
  { value: 'green', name: 'Green' },
  { value: 'teal', name: 'Teal' },
  { value: 'blue', name: 'Blue' },
  { value: 'indigo', name: 'Indigo' },
  { value: 'purple', name: 'Purple' },
  { value: 'pink', name: 'Pink' },
];

export function describeLabelColor(color: LabelColor): string {
  return LABEL_COLORS.find((entry) => entry.value === color)?.name ?? color;
}
