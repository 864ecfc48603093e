import type { ConversationDetail, Message } from '@parley/api/protocol';
import { useEffect, useState } from 'preact/hooks';
import css from '../csat/csat.css?inline';
import { type CsatStrings, csatStringsFor } from '../csat/csat-strings.ts';
import { downloadTranscript, listConversations, loadConversation } from '../csat/visitor-api.ts';
import { strings } from '../i18n/strings.ts';
import { describeHistoryRows, type HistoryRow } from './history-rows.ts';

export interface HistoryViewProps {
  locale: string | undefined;
  /** Back to the live chat (also where an open conversation is read and answered). */
  onBack(): void;
}

type Load<T> = { state: 'loading' } | { state: 'failed' } | { state: 'loaded'; value: T };

function useLoad<T>(load: () => Promise<T>, key: string): [Load<T>, () => void] {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    setResult({ state: 'loading' });
    load().then(
      (value) => isCurrent && setResult({ state: 'loaded', value }),
      () => isCurrent && setResult({ state: 'failed' }),
    );
    return () => {
      isCurrent = false;
    };
  }, [key, attempt]);
  return [result, () => setAttempt((n) => n + 1)];
}

function BackArrow() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path
        d="M15 5 8 12l7 7"
        stroke="currentColor"
        stroke-width="2.2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

/** "Previous conversations": the visitor's conversations, newest first; a resolved one opens read-only. */
export function HistoryView({ locale, onBack }: HistoryViewProps) {
  const t = csatStringsFor(locale);
  const [openedId, setOpenedId] = useState<string | null>(null);
  return (
    <div class="history" data-testid="parley-history">
      <style>{css}</style>
      <div class="history-bar">
        <button type="button" class="history-back" onClick={openedId ? () => setOpenedId(null) : onBack}>
          <BackArrow />
          {openedId ? t.allConversations : t.backToChat}
        </button>
      </div>
      {openedId ? (
        <ReadOnlyConversation t={t} id={openedId} locale={locale} />
      ) : (
        <ConversationList t={t} locale={locale} onOpen={(row) => (row.isOpen ? onBack() : setOpenedId(row.id))} />
      )}
    </div>
  );
}

function ConversationList({
  t,
  locale,
  onOpen,
}: {
  t: CsatStrings;
  locale: string | undefined;
  onOpen(row: HistoryRow): void;
}) {
  const [list, retry] = useLoad(listConversations, 'list');
  return (
    <>
      <h3 class="history-title" id="parley-history-title">
        {t.history}
      </h3>
      <div class="history-scroll">
        {list.state === 'loading' && <p class="history-state">{t.loading}</p>}
        {list.state === 'failed' && (
          <p class="history-state" role="alert">
            {t.loadFailed}
            <br />
            <button type="button" onClick={retry}>
              {t.tryAgain}
            </button>
          </p>
        )}
        {list.state === 'loaded' &&
          (list.value.conversations.length === 0 ? (
            <p class="history-state">{t.empty}</p>
          ) : (
            <ul class="history-list" aria-labelledby="parley-history-title" data-testid="parley-history-list">
              {describeHistoryRows(list.value.conversations, t, strings.you, locale).map((row) => (
                <li key={row.id}>
                  <button type="button" class="history-item" onClick={() => onOpen(row)}>
                    <span class="history-date">{row.date}</span>
                    <span class={row.isOpen ? 'history-badge is-open' : 'history-badge'}>{row.status}</span>
                    <span class="history-preview">{row.preview}</span>
                    {row.rating && <span class="history-rating">★ {row.rating}</span>}
                  </button>
                </li>
              ))}
            </ul>
          ))}
      </div>
    </>
  );
}

function ReadOnlyConversation({ t, id, locale }: { t: CsatStrings; id: string; locale: string | undefined }) {
  const [detail, retry] = useLoad<ConversationDetail>(() => loadConversation(id), id);
  const [hasFailed, setFailed] = useState(false);
  if (detail.state === 'loading') return <p class="history-state">{t.loading}</p>;
  if (detail.state === 'failed') {
    return (
      <p class="history-state" role="alert">
        {t.loadFailed}
        <br />
        <button type="button" onClick={retry}>
          {t.tryAgain}
        </button>
      </p>
    );
  }
  const messages = detail.value.events.flatMap((event) =>
    event.type === 'message.created' && event.data.message.sender.type !== 'system' ? [event.data.message] : [],
  );
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <ol class="messages" aria-label={strings.messagesLabel} tabIndex={0} data-testid="parley-history-messages">
        {messages.map((message) => (
          <ReadOnlyMessage key={message.id} message={message} locale={locale} />
        ))}
      </ol>
      <p class="history-readonly">
        {t.readOnly}
        <button
          type="button"
          class="end-link"
          onClick={() =>
            downloadTranscript(id).then(
              () => setFailed(false),
              () => setFailed(true),
            )
          }
        >
          {t.download}
        </button>
        {hasFailed && <span role="alert"> {t.failed}</span>}
      </p>
    </>
  );
}

function ReadOnlyMessage({ message, locale }: { message: Message; locale: string | undefined }) {
  const isVisitor = message.sender.type === 'visitor';
  let time = '';
  try {
    time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(new Date(message.createdAt));
  } catch {
    time = '';
  }
  return (
    <li class={`item ${isVisitor ? 'visitor' : 'agent'} starts-run`}>
      <span class="sender">
        {isVisitor ? strings.you : (message.sender.name ?? strings.agent)} · {time}
      </span>
      <div class="bubble">{message.body}</div>
    </li>
  );
}
