import { RATING_COMMENT_MAX_LENGTH } from '@parley/api/protocol/constants';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../sync/api-request.ts';
import css from './csat.css?inline';
import { type CsatStrings, csatStringsFor } from './csat-strings.ts';
import { StarIcon } from './star-icon.tsx';
import { downloadTranscript, emailTranscript, listConversations, rateConversation } from './visitor-api.ts';

export interface EndCardProps {
  /** The resolved conversation. */
  id: string;
  locale: string | undefined;
}

type Note = { text: string; isError: boolean } | null;

/**
 * Shown above the composer while the newest conversation is resolved: rate it, get its transcript, or
 * start a new one (the card folds away and the composer takes the focus; the next message opens it).
 */
export function EndCard({ id: conversationId, locale }: EndCardProps) {
  const t = csatStringsFor(locale);
  const [dismissedId, setDismissedId] = useState<string | null>(null);
  const rootRef = useRef<HTMLElement>(null);
  const [given, setGiven] = useState<number | null>(null);
  const [canEmail, setCanEmail] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const [isBusy, setBusy] = useState(false);

  useEffect(() => {
    listConversations().then(
      (list) => {
        setCanEmail(list.canEmailTranscript);
        setGiven(list.conversations.find((item) => item.id === conversationId)?.rating ?? null);
      },
      () => {},
    );
  }, [conversationId]);

  async function run(action: () => Promise<string | null>) {
    setBusy(true);
    try {
      const text = await action();
      setNote(text ? { text, isError: false } : null);
    } catch (error) {
      const isNoEmail = error instanceof ApiError && error.code === 'transcript/no_email';
      setNote({ text: isNoEmail ? t.emailNoAddress : t.failed, isError: true });
    } finally {
      setBusy(false);
    }
  }

  function startNew() {
    const composer = rootRef.current?.parentElement?.querySelector<HTMLTextAreaElement>('textarea.input');
    setDismissedId(conversationId);
    // Once the card has folded away, the visitor writes the first message of the new conversation.
    setTimeout(() => composer?.focus());
  }

  if (dismissedId === conversationId) return null;
  return (
    <section class="end" aria-label={t.ended} data-testid="parley-end-card" ref={rootRef}>
      <style>{css}</style>
      {given === null ? (
        <RatingForm t={t} conversationId={conversationId} onRated={setGiven} />
      ) : (
        <Thanks t={t} rating={given} />
      )}
      <div class="end-actions">
        <button
          type="button"
          class="end-link"
          disabled={isBusy}
          onClick={() => run(() => downloadTranscript(conversationId).then(() => null))}
        >
          {t.download}
        </button>
        {canEmail && (
          <button
            type="button"
            class="end-link"
            disabled={isBusy}
            onClick={() => run(() => emailTranscript(conversationId).then((sent) => t.emailSent(sent.sentTo)))}
          >
            {t.email}
          </button>
        )}
      </div>
      {note && (
        <p class={note.isError ? 'end-note is-error' : 'end-note'} role="status">
          {note.text}
        </p>
      )}
      <button type="button" class={given === null ? 'end-button' : 'end-button is-primary'} onClick={startNew}>
        {t.startNew}
      </button>
    </section>
  );
}

function Thanks({ t, rating }: { t: CsatStrings; rating: number }) {
  const ref = useRef<HTMLParagraphElement>(null);
  // The form that had the focus is gone: the thanks takes it, and is read out.
  useEffect(() => {
    if (ref.current?.closest('section')?.contains(document.activeElement) === false) return;
    ref.current?.focus();
  }, []);
  return (
    <p class="end-thanks" ref={ref} tabIndex={-1} role="status" data-testid="parley-rating-thanks">
      {t.thanks}
      <span>{t.rated(rating)}</span>
    </p>
  );
}

interface RatingFormProps {
  t: CsatStrings;
  conversationId: string;
  onRated(rating: number): void;
}

/** Five stars as native radios in a fieldset (arrow keys move and choose, one tab stop), then an optional comment and Send. */
function RatingForm({ t, conversationId, onRated }: RatingFormProps) {
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [isSending, setSending] = useState(false);
  const [hasFailed, setFailed] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (rating === null || isSending) return;
    setSending(true);
    setFailed(false);
    try {
      await rateConversation(conversationId, rating, comment.trim());
      onRated(rating);
    } catch {
      setFailed(true);
      setSending(false);
    }
  }

  return (
    <form class="rate" onSubmit={submit} data-testid="parley-rating-form">
      <fieldset class="rate-field">
        <legend class="rate-title">{t.rateTitle}</legend>
        <div class="stars">
          {t.stars.map((name, index) => {
            const value = index + 1;
            const isOn = rating !== null && value <= rating;
            return (
              <label key={value} class={isOn ? 'star is-on' : 'star'}>
                <input
                  type="radio"
                  class="visually-hidden"
                  name="parley-rating"
                  value={value}
                  checked={rating === value}
                  aria-label={t.starLabel(name, value)}
                  onChange={() => setRating(value)}
                />
                <StarIcon isOn={isOn} />
              </label>
            );
          })}
        </div>
      </fieldset>
      {rating !== null && (
        <>
          <label class="rate-label" for="parley-rate-comment">
            {t.commentLabel}
          </label>
          <textarea
            id="parley-rate-comment"
            class="rate-comment"
            maxLength={RATING_COMMENT_MAX_LENGTH}
            value={comment}
            onInput={(event) => setComment(event.currentTarget.value)}
          />
          {hasFailed && (
            <p class="rate-error" role="alert">
              {t.ratingFailed}
            </p>
          )}
          <button type="submit" class="end-button is-primary rate-send" disabled={isSending}>
            {isSending ? t.sending : t.sendRating}
          </button>
        </>
      )}
    </form>
  );
}
