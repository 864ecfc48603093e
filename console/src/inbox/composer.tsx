import type { Attachment, CannedResponse } from '@parley/api/protocol';
import { LIMITS } from '@parley/api/protocol/constants';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { AttachButton } from '../attachments/attach-button.tsx';
import { AttachmentTray } from '../attachments/attachment-tray.tsx';
import { useComposerAttachments } from '../attachments/use-composer-attachments.ts';
import { EmojiButton } from '../emoji/emoji-button.tsx';
import { writeField } from '../lib/write-field.ts';
import { useConsoleSnapshot } from '../realtime/console-store-context.tsx';
import { SendIcon } from '../ui/icons.tsx';
import { moveActiveOption } from './canned-listbox-keys.ts';
import { CannedPicker } from './canned-picker.tsx';
import { expandCannedBody, findSlashQuery, insertAtQuery, type SlashQuery } from './canned-query.ts';
import { useCannedSuggestions } from './canned-suggestions.ts';
import { NoteModeToggle } from './note-mode-toggle.tsx';
import { useReportTyping } from './typing-hooks.ts';
import { useMentionAutocomplete } from './use-mention-autocomplete.tsx';
import { useNoteMode } from './use-note-mode.ts';

/** Unsent text per conversation, kept while the agent switches between conversations. */
const drafts = new Map<string, string>();

/** Show the character count once a message gets this close to the limit. */
const COUNTER_THRESHOLD = LIMITS.messageMaxLength - 500;

interface ComposerProps {
  conversationId: string;
  placeholder: string;
  /** Replying to a resolved conversation reopens it (the api does so); say it before it happens. */
  isResolved: boolean;
  onSend(body: string, kind?: 'note', attachments?: Attachment[]): void;
}

/**
 * The reply box. Typing `/` at the start of a word opens the canned responses that match what follows
 * (↑/↓ choose, Enter or Tab insert, Escape closes); the chosen one replaces the `/word`. The textarea
 * keeps the focus and points at the active option (a textarea may not take the combobox role, so it is
 * a textbox with aria-autocomplete, aria-controls and aria-activedescendant).
 */
export function Composer({ conversationId, placeholder, isResolved, onSend }: ComposerProps) {
  const [body, setBody] = useState(() => drafts.get(conversationId) ?? '');
  const [slash, setSlash] = useState<SlashQuery | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const { isNote, setIsNote } = useNoteMode(conversationId, textareaRef);
  const reportTyping = useReportTyping(conversationId);
  const attachments = useComposerAttachments(conversationId);
  const files = isNote ? [] : attachments.ready;
  const mention = useMentionAutocomplete({ isEnabled: isNote, body, textareaRef, onChangeBody: updateBody });
  const hintId = useId();
  const listboxId = `${hintId}-canned`;
  const optionId = (index: number) => `${listboxId}-${index}`;
  const { cache } = useConsoleSnapshot();
  const visitor = cache.conversations.get(conversationId)?.summary.visitor ?? { name: null };
  const isPickerOpen = slash !== null && slash.start !== dismissedAt;
  const suggestions = useCannedSuggestions(isPickerOpen ? slash.query : null, attempt);
  const items = 'items' in suggestions ? suggestions.items : [];
  const activeItem = isPickerOpen ? items[Math.min(activeIndex, items.length - 1)] : undefined;
  const length = body.length;
  const isTooLong = length > LIMITS.messageMaxLength;
  const canSend = (body.trim() !== '' || files.length > 0) && !isTooLong && !attachments.isUploading;

  useEffect(() => {
    textareaRef.current?.focus({ preventScroll: true });
  }, []);

  function updateBody(value: string) {
    setBody(value);
    reportTyping(isNote ? '' : value);
    if (value) drafts.set(conversationId, value);
    else drafts.delete(conversationId);
  }

  /** Reads the `/word` at the caret after every change of text or caret. */
  function trackSlash(textarea: HTMLTextAreaElement) {
    const next = findSlashQuery(textarea.value, textarea.selectionStart);
    setSlash(next);
    if (next?.query !== slash?.query || next?.start !== slash?.start) setActiveIndex(0);
    // A new `/` (somewhere else) opens the picker again after Escape closed it.
    if (next?.start !== dismissedAt) setDismissedAt(null);
  }

  function insertCanned(response: CannedResponse) {
    if (!slash) return;
    const { text, caret } = insertAtQuery(body, slash, expandCannedBody(response.body, visitor));
    writeField(textareaRef.current, text, caret);
    updateBody(text);
    setSlash(null);
  }

  function submit() {
    if (!canSend) return;
    onSend(body, isNote ? 'note' : undefined, files.length > 0 ? files : undefined);
    if (files.length > 0) attachments.clear();
    mention.close();
    updateBody('');
    setSlash(null);
    textareaRef.current?.focus();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit();
  }

  function handlePickerKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (event.key === 'Escape') {
      setDismissedAt(slash?.start ?? null);
      return true;
    }
    const moved = moveActiveOption(event.key, activeIndex, items.length);
    if (moved !== null && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      setActiveIndex(moved);
      return true;
    }
    if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && activeItem) {
      insertCanned(activeItem);
      return true;
    }
    return false;
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing) return;
    if (mention.handleKeyDown(event)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (isPickerOpen && handlePickerKeyDown(event)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (event.key !== 'Enter' || event.shiftKey) return;
    event.preventDefault();
    submit();
  }

  const announcement = !isPickerOpen
    ? ''
    : suggestions.status === 'loaded'
      ? items.length === 0
        ? 'No matching canned responses.'
        : `${items.length} canned ${items.length === 1 ? 'response' : 'responses'}. Up and down to choose, Enter to insert.`
      : '';

  return (
    <form
      className={`composer${isNote ? ' composer--note' : ''}${attachments.isDragging ? ' composer--dragging' : ''}`}
      onSubmit={handleSubmit}
      {...attachments.dropProps}
      data-mode={isNote ? 'note' : 'reply'}
    >
      {mention.picker}
      <NoteModeToggle isNote={isNote} onChange={setIsNote} />
      {isPickerOpen ? (
        <CannedPicker
          listboxId={listboxId}
          query={slash.query}
          suggestions={suggestions}
          activeIndex={activeItem ? items.indexOf(activeItem) : -1}
          optionId={optionId}
          onPick={insertCanned}
          onHover={setActiveIndex}
          onRetry={() => setAttempt((count) => count + 1)}
        />
      ) : null}
      <AttachmentTray uploads={attachments.uploads} onRemove={attachments.remove} />
      <label className="visually-hidden" htmlFor={`${hintId}-input`}>
        {isNote ? 'Internal note' : 'Reply'}
      </label>
      <textarea
        id={`${hintId}-input`}
        ref={textareaRef}
        className="composer__input"
        value={body}
        placeholder={isNote ? 'Write an internal note… type @ to mention a teammate' : placeholder}
        rows={2}
        onChange={(event) => {
          updateBody(event.target.value);
          trackSlash(event.target);
          mention.track(event.target);
        }}
        onSelect={(event) => {
          trackSlash(event.currentTarget);
          mention.track(event.currentTarget);
        }}
        onBlur={() => {
          setSlash(null);
          mention.close();
        }}
        onKeyDown={handleKeyDown}
        onPaste={attachments.onPaste}
        aria-describedby={hintId}
        aria-invalid={isTooLong || undefined}
        aria-autocomplete="list"
        aria-controls={mention.listboxId ?? (isPickerOpen && items.length > 0 ? listboxId : undefined)}
        aria-activedescendant={mention.activeOptionId ?? (activeItem ? optionId(items.indexOf(activeItem)) : undefined)}
        data-testid="composer"
      />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <div className="composer__footer">
        {isNote ? null : <AttachButton onFiles={attachments.add} />}
        <EmojiButton textareaRef={textareaRef} onInsert={updateBody} />
        <p className="composer__hint" id={hintId}>
          {isResolved && !isNote ? (
            <span className="composer__notice">Replying reopens this conversation. </span>
          ) : null}
          {isNote ? <span className="composer__notice">Only teammates see notes. </span> : null}
          <kbd>Enter</kbd> to send · <kbd>Shift</kbd>+<kbd>Enter</kbd> for a new line · <kbd>/</kbd> for canned
          responses
        </p>
        {length >= COUNTER_THRESHOLD ? (
          <span className={`composer__counter${isTooLong ? ' composer__counter--over' : ''}`}>
            {length.toLocaleString()} / {LIMITS.messageMaxLength.toLocaleString()}
          </span>
        ) : null}
        <button type="submit" className="btn btn--primary" disabled={!canSend} data-testid="send">
          {isNote ? 'Add note' : 'Send'}
          <SendIcon size={16} />
        </button>
      </div>
    </form>
  );
}
