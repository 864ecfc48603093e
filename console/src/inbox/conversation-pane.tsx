import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useAppData } from '../app/use-app-data.ts';
import { useConsoleSnapshot, useConsoleStore } from '../realtime/console-store-context.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { Composer } from './composer.tsx';
import { ConversationHeader } from './conversation-header.tsx';
import { JumpNotice } from './jump-notice.tsx';
import { parseAtSeq } from './jump-to-seq.ts';
import { Timeline } from './timeline.tsx';
import { useViewingConversation } from './typing-hooks.ts';
import { TypingIndicator } from './typing-indicator.tsx';
import { useJumpToSeq } from './use-jump-to-seq.ts';
import { VisitorSidebar } from './visitor-sidebar.tsx';

/** The selected conversation: header, history by seq (opened at `?at=<seq>` when given), composer; the visitor beside it. */
export function ConversationPane() {
  const { conversationId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const { me } = useAppData();
  const store = useConsoleStore();
  const { cache, outbox, details, loadingOlder } = useConsoleSnapshot();
  const entry = cache.conversations.get(conversationId);
  const problem = details.get(conversationId) ?? null;
  const hasEvents = Boolean(entry?.events);
  const atSeq = parseAtSeq(searchParams.get('at'));
  const jump = useJumpToSeq(conversationId, atSeq);
  useViewingConversation(conversationId, entry?.events?.at(-1)?.data.seq);

  useEffect(() => {
    if (!hasEvents) store.openConversation(conversationId);
  }, [store, conversationId, hasEvents]);

  if (!entry) {
    if (problem?.status === 'not_found') {
      return (
        <div className="pane-empty">
          <EmptyState
            title="Conversation not found"
            action={
              <Link className="btn btn--secondary" to={{ pathname: '/conversations', search: searchParams.toString() }}>
                Back to the inbox
              </Link>
            }
          >
            It may have been removed, or the link is wrong.
          </EmptyState>
        </div>
      );
    }
    if (problem?.status === 'error') {
      return <LoadError message={problem.message} onRetry={() => store.openConversation(conversationId)} />;
    }
    return (
      <div className="pane-empty">
        <Spinner label="Loading conversation" size="lg" />
      </div>
    );
  }

  return (
    <>
      <article className="conversation" data-testid="conversation-view" data-conversation-id={conversationId}>
        <ConversationHeader summary={entry.summary} />
        <JumpNotice state={jump.state} onRetry={jump.retry} />
        {entry.events ? (
          <Timeline
            // Sibling keys must differ (the composer's too): a shared key left the previous
            // conversation's timeline in the DOM after switching.
            key={`timeline:${conversationId}`}
            conversationId={conversationId}
            events={entry.events}
            outbox={outbox}
            hasMore={entry.hasMore}
            isLoadingOlder={loadingOlder.has(conversationId)}
            onLoadOlder={() => void store.loadOlder(conversationId)}
            onRetry={(clientId) => store.retry(clientId)}
            onDiscard={(clientId) => store.discard(clientId)}
            focusSeq={jump.state === 'present' ? atSeq : null}
          />
        ) : problem?.status === 'error' ? (
          <LoadError message={problem.message} onRetry={() => store.openConversation(conversationId)} />
        ) : (
          <div className="timeline timeline--loading">
            <Spinner label="Loading messages" />
          </div>
        )}
        <TypingIndicator conversationId={conversationId} />
        <Composer
          key={`composer:${conversationId}`}
          conversationId={conversationId}
          placeholder={`Reply as ${me.user.name}…`}
          isResolved={entry.summary.status === 'resolved'}
          onSend={(body, kind, attachments) => store.send(conversationId, body, kind, attachments)}
        />
      </article>
      <VisitorSidebar summary={entry.summary} />
    </>
  );
}

function LoadError({ message, onRetry }: { message: string | null; onRetry: () => void }) {
  return (
    <div className="pane-empty">
      <EmptyState
        title="Could not load this conversation"
        action={
          <button type="button" className="btn btn--secondary" onClick={onRetry}>
            Try again
          </button>
        }
      >
        {message ?? 'Check your connection and try again.'}
      </EmptyState>
    </div>
  );
}
