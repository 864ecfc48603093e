import { strings } from '../i18n/strings.ts';

/**
 * The smiley in the composer. Its first press fetches widget-chat.emoji-picker-<hash>.js, which draws the
 * picker above the composer and inserts at the field's caret; the chat itself holds only this button.
 */
export function EmojiButton({ onInsert }: { onInsert(draft: string): void }) {
  return (
    <button
      type="button"
      class="icon-button attach"
      aria-label={strings.emoji}
      onClick={({ currentTarget }) => {
        // Read now: once the event is over, the shadow root retargets it to the host element.
        import('./emoji-picker.tsx').then((picker) => picker.togglePicker(currentTarget, onInsert));
      }}
    >
      <svg width="20" height="20" viewBox="0 0 24 24" fill="none" aria-hidden="true">
        <path
          d="M3 12a9 9 0 1 0 18 0 9 9 0 1 0-18 0m5.5 2a4 4 0 0 0 7 0M9 9.5v.5m6-.5v.5"
          stroke="currentColor"
          stroke-width="2"
          stroke-linecap="round"
        />
      </svg>
    </button>
  );
}
