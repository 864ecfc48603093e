/**
 * Puts `text` into a controlled field with the caret at `caret` at once, so a key pressed before
 * React re-renders lands at the caret. React then finds the field's value unchanged and leaves the
 * caret where it is (setting a new value would move it to the end).
 */
export function writeField(field: HTMLTextAreaElement | null, text: string, caret: number) {
  if (!field) return;
  field.value = text;
  field.focus();
  field.setSelectionRange(caret, caret);
}
