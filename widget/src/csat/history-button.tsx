import { strings } from '../i18n/strings.ts';

/** The header's "Previous conversations" toggle. */
export function HistoryButton({ isOn, onToggle }: { isOn: boolean; onToggle(): void }) {
  return (
    <button
      type="button"
      class="icon-button"
      aria-label={strings.previousConversations}
      aria-pressed={isOn}
      onClick={onToggle}
    >
      <svg width="18" height="18" viewBox="0 0 24 24" fill="none" aria-hidden="true">
        <path
          d="M12 7v5l3 2m6-2a9 9 0 1 1-18 0 9 9 0 0 1 18 0"
          stroke="currentColor"
          stroke-width="2"
          stroke-linecap="round"
        />
      </svg>
    </button>
  );
}
