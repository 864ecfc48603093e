import { LIMITS } from '@parley/api/protocol/constants';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { SendIcon } from '../ui/icons.tsx';

/** Unsent text per conversation, kept while the agent switches between conversations. */
const drafts = new Map<string, string>();

/** Show the character count once a message gets this close to the limit. */
const COUNTER_THRESHOLD = LIMITS.messageMaxLength - 500;

interface ComposerProps {
  conversationId: string;
  placeholder: string;
  /** Replying to a resolved conversation reopens it (the api does so); say it before it happens. */
  isResolved: boolean;
  onSend(body: string): void;
}

export function Composer({ conversationId, placeholder, isResolved, onSend }: ComposerProps) {
  const [body, setBody] = useState(() => drafts.get(conversationId) ?? '');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const length = body.length;
  const isTooLong = length > LIMITS.messageMaxLength;
  const canSend = body.trim() !== '' && !isTooLong;

  useEffect(() => {
    textareaRef.current?.focus({ preventScroll: true });
  }, []);

  function updateBody(value: string) {
    setBody(value);
    if (value) drafts.set(conversationId, value);
    else drafts.delete(conversationId);
  }

  function submit() {
    if (!canSend) return;
    onSend(body);
    updateBody('');
    textareaRef.current?.focus();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  }

  return (
    <form className="composer" onSubmit={handleSubmit}>
      <label className="visually-hidden" htmlFor={`${hintId}-input`}>
        Reply
      </label>
      <textarea
        id={`${hintId}-input`}
        ref={textareaRef}
        className="composer__input"
        value={body}
        placeholder={placeholder}
        rows={2}
        onChange={(event) => updateBody(event.target.value)}
        onKeyDown={handleKeyDown}
        aria-describedby={hintId}
        aria-invalid={isTooLong || undefined}
        data-testid="composer"
      />
      <div className="composer__footer">
        <p className="composer__hint" id={hintId}>
          {isResolved ? <span className="composer__notice">Replying reopens this conversation. </span> : null}
          <kbd>Enter</kbd> to send · <kbd>Shift</kbd>+<kbd>Enter</kbd> for a new line
        </p>
        {length >= COUNTER_THRESHOLD ? (
          <span className={`composer__counter${isTooLong ? ' composer__counter--over' : ''}`}>
            {length.toLocaleString()} / {LIMITS.messageMaxLength.toLocaleString()}
          </span>
        ) : null}
        <button type="submit" className="btn btn--primary" disabled={!canSend} data-testid="send">
          Send
          <SendIcon size={16} />
        </button>
      </div>
    </form>
  );
}
