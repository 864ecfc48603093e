import { LIMITS } from '@parley/api/protocol/constants';
import { useLayoutEffect, useRef } from 'preact/hooks';
import css from './send-failure.css?inline';
import { describeSendFailure, sendFailureStringsFor } from './send-failure-strings.ts';
import { useChunkStyles } from './use-chunk-styles.ts';

export interface SendFailureProps {
  clientId: string;
  /** The api's error code for the refusal. */
  code: string | undefined;
  locale: string | undefined;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

function formatCount(count: number, locale: string | undefined): string {
  try {
    return new Intl.NumberFormat(locale).format(count);
  } catch {
    return String(count);
  }
}

/**
 * Under a message the api refused (its own chunk, widget-chat.send-failure-<hash>.js): why, then Retry
 * (the same clientId, so it is stored once) and Discard (it leaves the outbox for good).
 */
export function SendFailure({ clientId, code, locale, onRetry, onDiscard }: SendFailureProps) {
  const text = sendFailureStringsFor(locale);
  const ref = useRef<HTMLDivElement>(null);
  useChunkStyles(ref, css);
  // The list keeps its newest message in view when one is added; this line comes later (a refusal, then
  // this chunk), so under the last message it brings itself into view too.
  useLayoutEffect(() => {
    const list = ref.current?.closest('.messages');
    if (list && ref.current?.closest('.item') === list.lastElementChild) list.scrollTop = list.scrollHeight;
  }, []);
  const reasonId = `parley-failure-${clientId}`;
  // The same text would be refused again: only Discard helps.
  const canRetry = code !== 'message/too_long';
  return (
    <div ref={ref} class="status send-failure">
      <span id={reasonId} class="failure-reason" role="alert" data-testid="parley-failure-reason" data-code={code}>
        {describeSendFailure(text, code, formatCount(LIMITS.messageMaxLength, locale))}
      </span>
      <span class="failure-actions">
        {canRetry && (
          <button
            type="button"
            class="retry"
            data-testid="parley-retry"
            aria-label={text.retryLabel}
            aria-describedby={reasonId}
            onClick={() => onRetry(clientId)}
          >
            {text.retry}
          </button>
        )}
        <button
          type="button"
          class="retry"
          data-testid="parley-discard"
          aria-label={text.discardLabel}
          aria-describedby={reasonId}
          onClick={() => onDiscard(clientId)}
        >
          {text.discard}
        </button>
      </span>
    </div>
  );
}
