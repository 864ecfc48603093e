import type { Member } from '@parley/api/protocol';
import { type FormEvent, useId, useState } from 'react';
import { setInboxMembers } from '../api/settings-endpoints.ts';
import { PersonLabel, PresenceBadge, RoleBadge } from './member-badges.tsx';
import { sortMembers } from './people.ts';
import { describeSaveError, SaveFooter, type SaveState } from './save-footer.tsx';
import { useMembersWithOwnPresence } from './use-own-presence.ts';

interface InboxMembersCardProps {
  inboxId: string;
  members: Member[];
  initialUserIds: string[];
  currentUserId: string;
  canEdit: boolean;
}

/** Who answers the inbox: routing offers its conversations only to the people ticked here. */
export function InboxMembersCard({ inboxId, members, initialUserIds, currentUserId, canEdit }: InboxMembersCardProps) {
  const [saved, setSaved] = useState(() => new Set(initialUserIds));
  const [selected, setSelected] = useState(() => new Set(initialUserIds));
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const titleId = useId();
  const sorted = sortMembers(useMembersWithOwnPresence(members, currentUserId));
  const isDirty = selected.size !== saved.size || [...selected].some((id) => !saved.has(id));
  const count = sorted.filter((member) => selected.has(member.userId)).length;

  function toggle(userId: string, isOn: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (isOn) next.add(userId);
      else next.delete(userId);
      return next;
    });
    if (saveState.kind !== 'saving') setSaveState({ kind: 'idle' });
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaveState({ kind: 'saving' });
    try {
      const { userIds } = await setInboxMembers(
        inboxId,
        sorted.filter((member) => selected.has(member.userId)).map((member) => member.userId),
      );
      setSaved(new Set(userIds));
      setSelected(new Set(userIds));
      setSaveState({ kind: 'saved' });
    } catch (error) {
      setSaveState({ kind: 'error', message: describeSaveError(error) });
    }
  }

  const isAll = count === sorted.length;
  return (
    <form
      className="card settings-card"
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby={titleId}
      id="inbox-members"
      data-testid="inbox-members-card"
    >
      <div className="settings-card__header settings-card__header--split">
        <div>
          <h2 className="settings-card__title" id={titleId}>
            Who answers this inbox
          </h2>
          <p className="settings-card__description">
            Routing offers this inbox&rsquo;s conversations only to the people chosen here.
          </p>
        </div>
        {canEdit && sorted.length > 1 ? (
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            onClick={() => {
              setSelected(isAll ? new Set() : new Set(sorted.map((member) => member.userId)));
              setSaveState({ kind: 'idle' });
            }}
          >
            {isAll ? 'Clear all' : 'Select everyone'}
          </button>
        ) : null}
      </div>

      <fieldset className="settings-fieldset" disabled={!canEdit}>
        <legend className="visually-hidden">Members who answer this inbox</legend>
        <ul className="check-list">
          {sorted.map((member) => (
            <li key={member.userId}>
              <label className="check-list__item">
                <input
                  type="checkbox"
                  className="checkbox"
                  checked={selected.has(member.userId)}
                  onChange={(event) => toggle(member.userId, event.target.checked)}
                  data-testid="inbox-member"
                  data-user-id={member.userId}
                />
                <PersonLabel member={member} isYou={member.userId === currentUserId} />
                <RoleBadge role={member.role} />
                <PresenceBadge member={member} />
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {count === 0 ? (
        <p className="form-note" role="note">
          Nobody answers this inbox, so new conversations will wait in the queue until someone is added.
        </p>
      ) : null}

      <SaveFooter
        state={saveState}
        isDirty={isDirty}
        canEdit={canEdit}
        summary={`${count} of ${sorted.length} ${sorted.length === 1 ? 'member answers' : 'members answer'}`}
        onDiscard={() => {
          setSelected(new Set(saved));
          setSaveState({ kind: 'idle' });
        }}
        testId="inbox-members-save"
      />
    </form>
  );
}
