import { AttachInput } from './attach-input.tsx';

/** The paperclip in the composer. The upload code and previews load only once a file is picked, dropped or pasted. */
export function AttachButton({ onFiles }: { onFiles(files: File[]): unknown }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the file input is inside, rendered by AttachInput
    <label class="icon-button attach">
      <AttachInput onFiles={onFiles} />
    </label>
  );
}
