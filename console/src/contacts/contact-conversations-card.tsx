import type { ConversationSummary } from '@parley/api/protocol';
import { useId } from 'react';
import { Link } from 'react-router';
import { formatFullTime, formatRelativeTime } from '../lib/format-time.ts';
import { useNow } from '../lib/use-now.ts';

const STATUS_BADGES: Record<string, string> = { open: 'badge--accent', resolved: 'badge--neutral' };

/** The contact's conversations, newest first, each a link into the inbox. */
export function ContactConversationsCard({ conversations }: { conversations: ConversationSummary[] }) {
  const titleId = useId();
  const now = useNow();
  return (
    <section className="card contact-card" aria-labelledby={titleId} data-testid="contact-conversations">
      <header className="contact-card__header">
        <h2 className="contact-card__title" id={titleId}>
          Conversations
        </h2>
        <span className="contact-card__count">{conversations.length}</span>
      </header>
      {conversations.length === 0 ? (
        <p className="contact-card__empty">No conversations yet.</p>
      ) : (
        <ul className="contact-conversations">
          {conversations.map((conversation) => {
            const at = conversation.lastMessage?.createdAt ?? conversation.createdAt;
            return (
              <li key={conversation.id}>
                <Link
                  to={`/conversations/${conversation.id}`}
                  className="contact-conversation"
                  data-testid="contact-conversation"
                >
                  <span className="contact-conversation__top">
                    <span className={`badge ${STATUS_BADGES[conversation.status] ?? 'badge--neutral'}`}>
                      {conversation.status.charAt(0).toUpperCase() + conversation.status.slice(1)}
                    </span>
                    <span className="contact-conversation__agent">
                      {conversation.assignee ? conversation.assignee.name : 'Unassigned'}
                    </span>
                    <time className="contact-conversation__time" dateTime={at} title={formatFullTime(at)}>
                      {formatRelativeTime(at, now)}
                    </time>
                  </span>
                  <span className="contact-conversation__preview">
                    {conversation.lastMessage?.body ?? 'No messages'}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
