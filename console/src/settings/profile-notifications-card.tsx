import {
  AUTO_AWAY_MAX_MINUTES,
  type NotificationChannels,
  type NotificationKind,
  type Preferences,
} from '@parley/api/protocol';
import { type FormEvent, useState } from 'react';
import { savePreferences, setPreferences, usePreferences } from '../notifications/preferences-store.ts';
import { ProfileNotificationPermission } from './profile-notification-permission.tsx';
import { describeSaveError, SaveFooter, type SaveState } from './save-footer.tsx';

const KINDS: readonly { kind: NotificationKind; label: string; hint: string }[] = [
  { kind: 'newConversation', label: 'New conversation', hint: 'A visitor starts a conversation in your workspace.' },
  {
    kind: 'newMessageInMine',
    label: 'New message in mine',
    hint: 'A visitor writes in a conversation assigned to you.',
  },
  { kind: 'mention', label: 'Mention', hint: 'A teammate @mentions you in an internal note.' },
];

const CHANNELS: readonly { channel: keyof NotificationChannels; label: string }[] = [
  { channel: 'browser', label: 'Browser notification' },
  { channel: 'sound', label: 'Sound' },
  { channel: 'titleCount', label: 'Count in tab title' },
];

const AUTO_AWAY_CHOICES = [0, 5, 10, 15, 30, 60, 120, AUTO_AWAY_MAX_MINUTES];

function describeMinutes(minutes: number): string {
  if (minutes === 0) return 'Never';
  if (minutes < 60) return `After ${minutes} minutes`;
  return `After ${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
}

function isSame(a: Preferences, b: Preferences): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function ProfileNotificationsCard() {
  const saved = usePreferences();
  const [draft, setDraft] = useState<Preferences | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const shown = draft ?? saved;
  const isDirty = draft !== null && !isSame(draft, saved);

  function toggle(kind: NotificationKind, channel: keyof NotificationChannels) {
    const current = shown.notifications[kind];
    setDraft({
      ...shown,
      notifications: { ...shown.notifications, [kind]: { ...current, [channel]: !current[channel] } },
    });
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    setState({ kind: 'saving' });
    try {
      setPreferences(await savePreferences(draft));
      setDraft(null);
      setState({ kind: 'saved' });
    } catch (caught) {
      setState({ kind: 'error', message: describeSaveError(caught) });
    }
  }

  return (
    <form className="card settings-card" aria-labelledby="profile-notify-title" onSubmit={handleSubmit}>
      <div>
        <h2 className="settings-card__title" id="profile-notify-title">
          Notifications
        </h2>
        <p className="settings-card__description">
          How the console tells you about what needs you. Nothing is sent for your own messages or for the conversation
          you are looking at.
        </p>
      </div>
      <ProfileNotificationPermission />
      <div className="profile-notify__scroll">
        <table className="profile-notify" data-testid="profile-notify-table">
          <thead>
            <tr>
              <th scope="col">Event</th>
              {CHANNELS.map(({ channel, label }) => (
                <th scope="col" key={channel}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {KINDS.map(({ kind, label, hint }) => (
              <tr key={kind}>
                <th scope="row">
                  <span className="profile-notify__kind">{label}</span>
                  <span className="profile-notify__hint">{hint}</span>
                </th>
                {CHANNELS.map(({ channel, label: channelLabel }) => (
                  <td key={channel}>
                    <input
                      type="checkbox"
                      className="profile-notify__switch"
                      aria-label={`${label}: ${channelLabel}`}
                      checked={shown.notifications[kind][channel]}
                      onChange={() => toggle(kind, channel)}
                      data-testid={`notify-${kind}-${channel}`}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="profile-auto-away">
          Set me away when idle
        </label>
        <select
          id="profile-auto-away"
          className="select select--auto"
          value={shown.autoAwayMinutes}
          onChange={(event) => setDraft({ ...shown, autoAwayMinutes: Number(event.target.value) })}
          aria-describedby="profile-auto-away-hint"
          data-testid="profile-auto-away"
        >
          {AUTO_AWAY_CHOICES.map((minutes) => (
            <option key={minutes} value={minutes}>
              {describeMinutes(minutes)}
            </option>
          ))}
        </select>
        <p className="field__hint" id="profile-auto-away-hint">
          No mouse or keyboard use counts as idle, and so does time with the console tab hidden. You are back online at
          your next move, unless you chose Away yourself.
        </p>
      </div>
      <SaveFooter
        state={state}
        isDirty={isDirty}
        canEdit
        onDiscard={() => setDraft(null)}
        testId="profile-notify-save"
      />
    </form>
  );
}
