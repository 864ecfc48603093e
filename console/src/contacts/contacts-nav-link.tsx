import { NavLink } from 'react-router';
import { ContactsIcon } from './contacts-icon.tsx';

export function ContactsNavLink() {
  return (
    <NavLink to="/contacts" className="sidebar__link" data-testid="nav-contacts">
      <ContactsIcon size={18} />
      <span className="sidebar__link-label">Contacts</span>
    </NavLink>
  );
}
