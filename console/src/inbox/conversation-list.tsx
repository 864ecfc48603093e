import { useEffect, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useAppData } from '../app/use-app-data.ts';
import { useNow } from '../lib/use-now.ts';
import { useConsoleSnapshot, useConsoleStore } from '../realtime/console-store-context.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { InboxIcon } from '../ui/icons.tsx';
import { BulkActionBar } from './bulk-action-bar.tsx';
import { BulkRowCheck } from './bulk-row-check.tsx';
import { useBulkSelection } from './bulk-use-selection.ts';
import { filterByLabel, type InboxView, selectView, toListFilter } from './conversation-filter.ts';
import { ConversationRow } from './conversation-row.tsx';
import { LabelFilter } from './label-filter.tsx';
import { useLabelsByConversation } from './label-store.ts';
import { applyListOptions, parseListOptions, withListParam } from './list-views.ts';
import { ListViewsBar } from './list-views-bar.tsx';

interface ConversationListProps {
  filter: InboxView;
  selectedId: string | null;
}

const EMPTY_COPY: Record<InboxView, { title: string; body: string }> = {
  open: {
    title: 'No open conversations',
    body: 'New chats from your website appear here the moment a visitor writes.',
  },
  mine: {
    title: 'Nothing assigned to you',
    body: 'Conversations you take from the queue, or that routing gives you, appear here.',
  },
  unassigned: { title: 'Nobody is waiting', body: 'Open conversations without an agent appear here.' },
  participating: {
    title: 'Not taking part in any',
    body: 'Conversations you join while a teammate holds them appear here.',
  },
  pending: { title: 'Nothing pending', body: 'Conversations you mark pending wait here until the visitor writes.' },
  snoozed: { title: 'Nothing snoozed', body: 'Snoozed conversations come back to Open at their time.' },
  resolved: { title: 'Nothing resolved yet', body: 'Conversations you resolve move here.' },
  all: { title: 'No conversations yet', body: 'Install the chat widget on your site to start talking to visitors.' },
};

export function ConversationList({ filter, selectedId }: ConversationListProps) {
  const store = useConsoleStore();
  const { me } = useAppData();
  const { cache, lists } = useConsoleSnapshot();
  const now = useNow();
  const navigate = useNavigate();
  const myUserId = me.user.id;
  const [searchParams] = useSearchParams();
  const labelId = searchParams.get('label');
  const labelsByConversation = useLabelsByConversation();
  const conversations = useMemo(
    () =>
      applyListOptions(
        filterByLabel(selectView(cache, filter, myUserId), labelId, labelsByConversation),
        parseListOptions(searchParams),
      ),
    [cache, filter, myUserId, labelId, labelsByConversation, searchParams],
  );
  const orderedIds = useMemo(() => conversations.map((conversation) => conversation.id), [conversations]);
  const bulk = useBulkSelection(orderedIds);
  const listFilter = toListFilter(filter);
  const loadState = lists[listFilter];
  // Links keep the view and its options (inbox, assignee, sort, label).
  const search = withListParam(searchParams, 'status', filter === 'open' ? null : filter);

  useEffect(() => {
    void store.loadList(listFilter);
  }, [store, listFilter]);

  // Alt+↑ / Alt+↓ move through the list from anywhere in the inbox.
  useEffect(() => {
    function handleKeyDown(event: KeyboardEvent) {
      if (!event.altKey || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
      const index = conversations.findIndex((conversation) => conversation.id === selectedId);
      const next = conversations[event.key === 'ArrowDown' ? index + 1 : Math.max(0, index - 1)];
      if (!next) return;
      event.preventDefault();
      navigate({ pathname: `/conversations/${next.id}`, search });
    }
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, [conversations, selectedId, navigate, search]);

  return (
    <section className="conversation-list" aria-labelledby="conversation-list-title">
      <header className="conversation-list__header">
        <h1 className="conversation-list__title" id="conversation-list-title">
          Conversations
        </h1>
        <ListViewsBar view={filter} selectedId={selectedId} />
        <LabelFilter
          labelId={labelId}
          listFilter={listFilter}
          onChange={(next) =>
            navigate(
              {
                pathname: selectedId ? `/conversations/${selectedId}` : '/conversations',
                search: withListParam(searchParams, 'label', next),
              },
              { replace: true },
            )
          }
        />
      </header>

      {bulk.selected.size > 0 ? (
        <BulkActionBar ids={[...bulk.selected]} onDone={bulk.clear} onSelectAll={bulk.selectAll} />
      ) : null}
      <div className="conversation-list__scroll">
        {conversations.length > 0 ? (
          <ul className="conversation-list__items">
            {conversations.map((conversation) => (
              <li key={conversation.id} className="bulk-row">
                <BulkRowCheck
                  id={conversation.id}
                  name={conversation.visitor.name ?? conversation.visitor.email ?? 'a visitor'}
                  isSelected={bulk.selected.has(conversation.id)}
                  onToggle={bulk.toggle}
                />
                <ConversationRow conversation={conversation} search={search} now={now} />
              </li>
            ))}
          </ul>
        ) : loadState === 'loading' || loadState === 'idle' ? (
          <ListSkeleton />
        ) : loadState === 'error' ? (
          <EmptyState
            title="Could not load conversations"
            action={
              <button type="button" className="btn btn--secondary" onClick={() => void store.loadList(listFilter)}>
                Try again
              </button>
            }
          >
            Check your connection and try again.
          </EmptyState>
        ) : (
          <EmptyState
            icon={<InboxIcon size={24} />}
            title={labelId ? 'No conversations with this label' : EMPTY_COPY[filter].title}
          >
            {labelId ? 'Pick another label, or Any label to see them all.' : EMPTY_COPY[filter].body}
          </EmptyState>
        )}
      </div>
    </section>
  );
}

function ListSkeleton() {
  return (
    <ul className="conversation-list__items" aria-busy="true" aria-label="Loading conversations">
      {[0, 1, 2, 3, 4].map((index) => (
        <li key={index} className="row-skeleton">
          <span className="skeleton skeleton--circle" />
          <span className="row-skeleton__lines">
            <span className="skeleton skeleton--line" style={{ width: '55%' }} />
            <span className="skeleton skeleton--line" style={{ width: '85%' }} />
          </span>
        </li>
      ))}
    </ul>
  );
}
