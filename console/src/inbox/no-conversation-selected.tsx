import { Link } from 'react-router';
import { useConsoleSnapshot } from '../realtime/console-store-context.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ChatIcon } from '../ui/icons.tsx';

export function NoConversationSelected() {
  const { cache } = useConsoleSnapshot();
  if (cache.conversations.size > 0) {
    return (
      <div className="pane-empty">
        <EmptyState icon={<ChatIcon size={28} />} title="Pick a conversation">
          Choose a conversation on the left to read it and reply. <kbd>Alt</kbd>+<kbd>↑</kbd> and <kbd>Alt</kbd>+
          <kbd>↓</kbd> move through the list.
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="pane-empty">
      <EmptyState
        icon={<ChatIcon size={28} />}
        title="Your inbox is ready"
        action={
          <Link className="btn btn--primary" to="/settings/inbox">
            Install the chat widget
          </Link>
        }
      >
        When a visitor writes from your website, the conversation shows up here in real time.
      </EmptyState>
    </div>
  );
}
