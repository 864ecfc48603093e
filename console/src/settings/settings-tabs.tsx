import { NavLink } from 'react-router';

const TABS = [
  { to: '/settings/inbox', label: 'Inbox', testId: 'settings-tab-inbox' },
  { to: '/settings/inboxes', label: 'Inboxes', testId: 'settings-tab-inboxes' },
  { to: '/settings/teams', label: 'Teams', testId: 'settings-tab-teams' },
  { to: '/settings/members', label: 'Members', testId: 'settings-tab-members' },
  { to: '/settings/canned-responses', label: 'Canned responses', testId: 'settings-tab-canned-responses' },
  { to: '/settings/labels', label: 'Labels', testId: 'settings-tab-labels' },
  { to: '/settings/profile', label: 'Profile', testId: 'settings-tab-profile' },
] as const;

/** The settings sections, under each settings page's title. */
export function SettingsTabs() {
  return (
    <nav className="settings-tabs" aria-label="Settings sections">
      {TABS.map((tab) => (
        <NavLink key={tab.to} to={tab.to} className="settings-tabs__link" data-testid={tab.testId}>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}

/** The title block every settings page starts with. */
export function SettingsHeader({ title, lead }: { title: string; lead: string }) {
  return (
    <header className="page__header settings__header">
      <p className="page__eyebrow">Settings</p>
      <h1 className="page__title">{title}</h1>
      <p className="page__lead">{lead}</p>
      <SettingsTabs />
    </header>
  );
}
