import { Outlet, useParams, useSearchParams } from 'react-router';
import { parseFilter } from './conversation-filter.ts';
import { ConversationList } from './conversation-list.tsx';
import './inbox.css';

/** The main screen: the live conversation list on the left, the selected conversation on the right. */
export function InboxPage() {
  const { conversationId } = useParams();
  const [searchParams] = useSearchParams();
  const filter = parseFilter(searchParams.get('status'));

  return (
    <div className={`inbox${conversationId ? ' inbox--has-selection' : ''}`}>
      <ConversationList filter={filter} selectedId={conversationId ?? null} />
      <section className="inbox__pane" aria-label="Conversation">
        <Outlet />
      </section>
    </div>
  );
}
