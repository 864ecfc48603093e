import { NavLink } from 'react-router';
import { AtIcon } from './at-icon.tsx';
import { useMentionState } from './mention-state.ts';
import { useMentionFrames } from './use-mention-frames.ts';

export function MentionsNavLink() {
  useMentionFrames();
  const { unreadCount } = useMentionState();
  return (
    <NavLink to="/mentions" className="sidebar__link" data-testid="nav-mentions" data-unread={unreadCount}>
      <AtIcon size={18} />
      <span className="sidebar__link-label">Mentions</span>
      {unreadCount > 0 ? (
        <>
          <span className="sidebar__count" aria-hidden="true" data-testid="nav-mentions-count">
            {unreadCount > 99 ? '99+' : unreadCount}
          </span>
          <span className="visually-hidden">, {unreadCount} unread</span>
        </>
      ) : null}
    </NavLink>
  );
}
