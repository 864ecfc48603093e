import type { ConversationSummary } from '@parley/api/protocol';
import { NavLink } from 'react-router';
import { formatVisitorName } from '../lib/display-names.ts';
import { formatFullTime, formatRelativeTime } from '../lib/format-time.ts';
import { Avatar } from '../ui/avatar.tsx';
import { LabelChip } from './label-chip.tsx';
import { useConversationLabels } from './label-store.ts';
import { RatingBadge } from './rating-item.tsx';
import { StatusBadges } from './status-badges.tsx';

/** More labels than this show as "+N" (their names in its tooltip). */
const MAX_ROW_LABELS = 2;

interface ConversationRowProps {
  conversation: ConversationSummary;
  search: string;
  now: Date;
}

export function ConversationRow({ conversation, search, now }: ConversationRowProps) {
  const { id, visitor, lastMessage, assignee, status, updatedAt } = conversation;
  const name = formatVisitorName(visitor);
  const isAwaitingReply = status === 'open' && lastMessage?.senderType === 'visitor';
  const time = lastMessage?.createdAt ?? updatedAt;
  const labels = useConversationLabels(id);

  return (
    <NavLink
      to={{ pathname: `/conversations/${id}`, search }}
      className={`conversation-row${isAwaitingReply ? ' conversation-row--awaiting' : ''}`}
      data-testid="conversation-row"
      data-conversation-id={id}
      data-status={status}
    >
      <Avatar id={visitor.id} name={visitor.name} />
      <span className="conversation-row__body">
        <span className="conversation-row__top">
          <span className="conversation-row__name">{name}</span>
          <time className="conversation-row__time" dateTime={time} title={formatFullTime(time)}>
            {formatRelativeTime(time, now)}
          </time>
          {isAwaitingReply ? (
            <span className="dot" title="Waiting for a reply">
              <span className="visually-hidden">Waiting for a reply</span>
            </span>
          ) : null}
        </span>
        <span className="conversation-row__preview">
          {lastMessage ? (
            <>
              {lastMessage.senderType === 'agent' ? (
                <>
                  <span className="conversation-row__reply-mark" aria-hidden="true">
                    ↩{' '}
                  </span>
                  <span className="visually-hidden">Agent reply: </span>
                </>
              ) : null}
              {lastMessage.body}
            </>
          ) : (
            <span className="conversation-row__placeholder">No messages yet</span>
          )}
        </span>
        <span className="conversation-row__meta">
          {status === 'resolved' ? <span className="badge badge--success">Resolved</span> : null}
          <StatusBadges conversation={conversation} />
          <RatingBadge rating={conversation.rating} />
          {labels.slice(0, MAX_ROW_LABELS).map((label) => (
            <LabelChip key={label.id} label={label} size="sm" />
          ))}
          {labels.length > MAX_ROW_LABELS ? (
            <span
              title={labels
                .slice(MAX_ROW_LABELS)
                .map((label) => label.name)
                .join(', ')}
            >
              +{labels.length - MAX_ROW_LABELS}
            </span>
          ) : null}
          <span className="conversation-row__assignee" data-testid="conversation-row-assignee">
            {assignee ? assignee.name : 'Unassigned'}
          </span>
        </span>
      </span>
    </NavLink>
  );
}
