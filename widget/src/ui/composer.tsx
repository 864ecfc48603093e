import { LIMITS } from '@parley/api/protocol/constants';
import type { Ref } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { AttachButton } from '../attachments/attach-button.tsx';
import { filesFrom } from '../attachments/use-file-intake.ts';
import { EmojiButton } from '../emoji/emoji-button.tsx';
import { strings } from '../i18n/strings.ts';
import { SendIcon } from './icons.tsx';

interface ComposerProps {
  draft: string;
  inputRef: Ref<HTMLTextAreaElement>;
  onDraftChange(draft: string): void;
  onSend(body: string): boolean;
  /** Files picked, pasted or dropped: uploaded, then sent. */
  onFiles?(files: File[]): unknown;
}

const MAX_INPUT_HEIGHT = 120;
/** The field stops at LIMITS.messageMaxLength (a paste is cut there): a count says so from this length on. */
const COUNT_FROM = LIMITS.messageMaxLength - 500;

/** Enter sends, Shift+Enter (or Enter while an IME is composing) makes a new line. */
export function Composer({ draft, inputRef, onDraftChange, onSend, onFiles }: ComposerProps) {
  const ownRef = useRef<HTMLTextAreaElement | null>(null);

  useLayoutEffect(() => {
    const input = ownRef.current;
    if (!input) return;
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight + 2, MAX_INPUT_HEIGHT)}px`;
  }, [draft]);

  const isCounted = draft.length >= COUNT_FROM;

  function submit() {
    if (onSend(draft)) onDraftChange('');
  }

  function setRefs(element: HTMLTextAreaElement | null) {
    ownRef.current = element;
    if (typeof inputRef === 'function') inputRef(element);
    else if (inputRef) inputRef.current = element;
  }

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {onFiles && <AttachButton onFiles={onFiles} />}
      <EmojiButton onInsert={onDraftChange} />
      <textarea
        ref={setRefs}
        class="input"
        data-testid="parley-composer"
        aria-label={strings.composerLabel}
        placeholder={strings.composerPlaceholder}
        rows={1}
        maxLength={LIMITS.messageMaxLength}
        aria-describedby={isCounted ? 'parley-count' : undefined}
        value={draft}
        onInput={(event) => onDraftChange(event.currentTarget.value)}
        onPaste={(event) => {
          const files = filesFrom(event.clipboardData);
          if (files.length) {
            event.preventDefault();
            onFiles?.(files);
          }
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            submit();
          }
        }}
      />
      {isCounted && (
        <span id="parley-count" class="count" data-testid="parley-count">
          {draft.length} / {LIMITS.messageMaxLength}
        </span>
      )}
      <button
        type="submit"
        class="send"
        data-testid="parley-send"
        aria-label={strings.send}
        disabled={draft.trim() === ''}
      >
        <SendIcon />
      </button>
    </form>
  );
}
