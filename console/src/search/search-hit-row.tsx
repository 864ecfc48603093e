import type { SearchHit } from '@parley/api/protocol';
import type { KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { formatFullTime } from '../lib/format-time.ts';
import { Avatar } from '../ui/avatar.tsx';
import { describeSender, formatHitTime, toHitLink } from './search-hit-labels.ts';
import type { SnippetPiece } from './snippet-parts.ts';

interface SearchHitRowProps {
  hit: SearchHit;
  pieces: readonly SnippetPiece[];
  visitor: string;
  assignee: string;
  inboxName: string | null;
  now: Date;
  onKeyDown(event: KeyboardEvent<HTMLAnchorElement>): void;
}

// Snippets, names and everything else are React text children: the matches are <mark> elements holding
// text, never HTML.

/** One message found: who the conversation is with, its status, the snippet with the matches marked, who wrote it and when. */
export function SearchHitRow({ hit, pieces, visitor, assignee, inboxName, now, onKeyDown }: SearchHitRowProps) {
  const isResolved = hit.conversation.status === 'resolved';
  return (
    <li className="search-hit-item">
      <Link
        to={toHitLink(hit)}
        className="search-hit"
        onKeyDown={onKeyDown}
        data-testid="search-hit"
        data-conversation-id={hit.conversationId}
        data-message-id={hit.messageId}
        data-seq={hit.seq}
        data-status={hit.conversation.status}
      >
        <Avatar id={hit.conversationId} name={hit.conversation.visitorName} />
        <span className="search-hit__body">
          <span className="search-hit__top">
            <span className="search-hit__visitor" data-testid="search-hit-visitor">
              {visitor}
            </span>
            <span className="visually-hidden">, conversation </span>
            <span
              className={`badge ${isResolved ? 'badge--success' : 'badge--neutral'}`}
              data-testid="search-hit-status"
            >
              {isResolved ? 'Resolved' : 'Open'}
            </span>
            <time className="search-hit__time" dateTime={hit.at} title={formatFullTime(hit.at)}>
              {formatHitTime(hit.at, now)}
            </time>
          </span>
          <span className="search-hit__snippet" data-testid="search-hit-snippet">
            {pieces.map((piece) =>
              piece.isMatch ? <mark key={piece.key}>{piece.text}</mark> : <span key={piece.key}>{piece.text}</span>,
            )}
          </span>
          <span className="search-hit__meta">
            <span className="search-hit__sender" data-testid="search-hit-sender">
              {describeSender(hit)}
            </span>
            {inboxName ? (
              <>
                <span aria-hidden="true">·</span>
                <span>{inboxName}</span>
              </>
            ) : null}
            <span aria-hidden="true">·</span>
            <span data-testid="search-hit-assignee">{assignee}</span>
          </span>
        </span>
      </Link>
    </li>
  );
}
