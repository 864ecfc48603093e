import { useState } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { logOut } from '../api/endpoints.ts';
import { useAppData } from '../app/use-app-data.ts';
import { ContactsNavLink } from '../contacts/contacts-nav-link.tsx';
import { forgetLabels } from '../inbox/label-store.ts';
import { forgetMentions } from '../mentions/mention-state.ts';
import { MentionsNavLink } from '../mentions/mentions-nav-link.tsx';
import { QueueNavLinks } from '../queue/queue-nav.tsx';
import { clearStoredOutbox } from '../realtime/create-console-store.ts';
import { SearchNavField } from '../search/search-nav-field.tsx';
import { useLiveMe } from '../settings/profile-me-store.ts';
import { Avatar } from '../ui/avatar.tsx';
import { ChatIcon, LogOutIcon, LogoMark, SettingsIcon } from '../ui/icons.tsx';
import { PresenceToggle } from './presence-toggle.tsx';

export function Sidebar() {
  const me = useLiveMe(useAppData().me);
  const navigate = useNavigate();
  const [isLoggingOut, setIsLoggingOut] = useState(false);

  async function handleLogOut() {
    setIsLoggingOut(true);
    try {
      await logOut();
    } catch {
      // The session may already be gone; the login page is the right place either way.
    }
    clearStoredOutbox(me.user.id);
    forgetLabels();
    forgetMentions();
    navigate('/login', { replace: true });
  }

  return (
    <aside className="sidebar" aria-label="Main">
      <div className="sidebar__workspace">
        <LogoMark size={28} />
        <div className="sidebar__workspace-text">
          <span className="sidebar__workspace-name" title={me.workspace.name}>
            {me.workspace.name}
          </span>
          <span className="sidebar__product">Parley</span>
        </div>
      </div>

      <SearchNavField />
      <nav className="sidebar__nav">
        <NavLink to="/conversations" className="sidebar__link" data-testid="nav-conversations">
          <ChatIcon size={18} />
          <span className="sidebar__link-label">Conversations</span>
        </NavLink>
        <QueueNavLinks />
        <MentionsNavLink />
        <ContactsNavLink />
        <NavLink to="/settings" className="sidebar__link" data-testid="nav-settings">
          <SettingsIcon size={18} />
          <span className="sidebar__link-label">Settings</span>
        </NavLink>
      </nav>

      <PresenceToggle />
      <div className="sidebar__account">
        <Avatar id={me.user.id} name={me.user.name} size="sm" imageUrl={me.user.avatarUrl} />
        <div className="sidebar__account-text">
          <span className="sidebar__user-name" title={me.user.name}>
            {me.user.name}
          </span>
          <span className="sidebar__user-email" title={me.user.email}>
            {me.user.email}
          </span>
        </div>
        <button
          type="button"
          className="icon-button"
          onClick={handleLogOut}
          disabled={isLoggingOut}
          aria-label="Log out"
          title="Log out"
          data-testid="logout"
        >
          <LogOutIcon size={18} />
        </button>
      </div>
    </aside>
  );
}
