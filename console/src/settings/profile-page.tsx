import { useAppData } from '../app/use-app-data.ts';
import { ProfileAvatarCard } from './profile-avatar-card.tsx';
import { useLiveMe } from './profile-me-store.ts';
import { ProfileNameCard } from './profile-name-card.tsx';
import { ProfileNotificationsCard } from './profile-notifications-card.tsx';
import { ProfilePasswordCard } from './profile-password-card.tsx';
import { SettingsHeader } from './settings-tabs.tsx';
import './settings.css';
import './profile.css';

/** Settings → Profile: the signed-in agent's own name, picture, password and notifications. */
export function ProfilePage() {
  const me = useLiveMe(useAppData().me);
  return (
    <main className="page settings" data-testid="profile-page">
      <SettingsHeader title="Profile" lead="Your own name, picture, password and how the console notifies you." />
      <div className="settings__sections">
        <ProfileNameCard name={me.user.name} email={me.user.email} />
        <ProfileAvatarCard userId={me.user.id} name={me.user.name} avatarUrl={me.user.avatarUrl} />
        <ProfilePasswordCard email={me.user.email} />
        <ProfileNotificationsCard />
      </div>
    </main>
  );
}
