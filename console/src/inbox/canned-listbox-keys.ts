/**
 * The option a listbox key moves to (↑/↓ wrap around, Home/End jump), or null when the key does not
 * move. Shared by the composer's canned responses and the label picker.
 */
export function moveActiveOption(key: string, active: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return (active + 1) % count;
    case 'ArrowUp':
      return (active - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
