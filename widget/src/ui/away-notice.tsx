import { useEffect, useRef, useState } from 'preact/hooks';
import type { ContactState } from '../sync/chat-controller.ts';
import awayCss from './away-notice.css?inline';
import { type AwayStrings, awayStringsFor } from './away-strings.ts';
import { describeAway } from './routing-text.ts';
import { useChunkStyles } from './use-chunk-styles.ts';

interface AwayNoticeProps {
  nextOpenAt: string | null;
  locale: string | undefined;
  contact: ContactState;
  onSaveEmail(email: string): void;
}

function describeFailure(text: AwayStrings, code: string): string {
  if (code === 'request/invalid') return text.emailInvalid;
  if (code === 'rate/limited') return text.emailRateLimited;
  return text.emailFailed;
}

/** "We’re away right now. We’ll be back …" (in the visitor's clock) and a form to leave an email. */
export function AwayNotice({ nextOpenAt, locale, contact, onSaveEmail }: AwayNoticeProps) {
  const text = awayStringsFor(locale);
  const savedRef = useRef<HTMLParagraphElement>(null);
  const isSaved = contact.status === 'saved';
  const noticeRef = useRef<HTMLDivElement>(null);
  useChunkStyles(noticeRef, awayCss);
  // The form (and its focused button) goes away on success: keep the keyboard where the visitor was.
  useEffect(() => {
    const saved = savedRef.current;
    if (isSaved && saved && !(saved.getRootNode() as ShadowRoot).activeElement) saved.focus();
  }, [isSaved]);
  return (
    <div class="away" data-testid="parley-away" ref={noticeRef}>
      <p class="away-text" data-testid="parley-away-text">
        {describeAway(nextOpenAt, new Date(), locale)}
      </p>
      {isSaved ? (
        <p class="contact-saved" data-testid="parley-contact-saved" role="status" tabIndex={-1} ref={savedRef}>
          {text.emailSaved(contact.email)}
        </p>
      ) : (
        <ContactForm text={text} contact={contact} onSaveEmail={onSaveEmail} />
      )}
    </div>
  );
}

function ContactForm({
  text,
  contact,
  onSaveEmail,
}: Pick<AwayNoticeProps, 'contact' | 'onSaveEmail'> & { text: AwayStrings }) {
  const [email, setEmail] = useState(contact.status === 'idle' ? '' : contact.email);
  const [isInvalid, setIsInvalid] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const isSaving = contact.status === 'saving';
  // A refusal belongs to the address it was about: editing it clears the message.
  const error = isInvalid
    ? text.emailInvalid
    : contact.status === 'failed' && contact.email === email.trim()
      ? describeFailure(text, contact.code)
      : null;

  return (
    <form
      class="contact"
      data-testid="parley-contact-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const input = inputRef.current;
        // The browser's own email grammar (type=email, required), shown in our words.
        if (!input || email.trim() === '' || !input.validity.valid) {
          setIsInvalid(true);
          input?.focus();
          return;
        }
        setIsInvalid(false);
        onSaveEmail(email);
      }}
    >
      <label class="contact-label" for="parley-email">
        {text.emailLabel}
      </label>
      <div class="contact-row">
        <input
          ref={inputRef}
          id="parley-email"
          class="contact-input"
          data-testid="parley-email"
          type="email"
          name="email"
          autocomplete="email"
          required
          maxLength={254}
          placeholder={text.emailPlaceholder}
          value={email}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'parley-email-error' : undefined}
          onInput={(event) => {
            setEmail(event.currentTarget.value);
            setIsInvalid(false);
          }}
        />
        <button type="submit" class="contact-save" data-testid="parley-email-save" disabled={isSaving}>
          {isSaving ? text.savingEmail : text.saveEmail}
        </button>
      </div>
      {error && (
        <p class="contact-error" id="parley-email-error" role="alert" data-testid="parley-contact-error">
          {error}
        </p>
      )}
    </form>
  );
}
