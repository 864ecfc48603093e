import type { Member } from '@parley/api/protocol';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useLoaderData, useRevalidator } from 'react-router';
import { updateMemberCapacity } from '../api/settings-endpoints.ts';
import { useAppData } from '../app/use-app-data.ts';
import { PersonLabel, PresenceBadge, RoleBadge } from './member-badges.tsx';
import { findSharedDefault, sortMembers } from './people.ts';
import { canManageRouting, MAX_CAPACITY, MIN_CAPACITY, parseOptionalCapacity } from './routing-settings-form.ts';
import { describeSaveError, SaveFooter, type SaveState } from './save-footer.tsx';
import type { MembersPageData } from './settings-loaders.ts';
import { SettingsHeader } from './settings-tabs.tsx';
import { useMembersWithOwnPresence } from './use-own-presence.ts';
import './settings.css';

/** How often online/away is refreshed while the page is open. */
const PRESENCE_REFRESH_MS = 20_000;

export function MembersPage() {
  const data = useLoaderData() as MembersPageData;
  const { me } = useAppData();
  const canEdit = canManageRouting(me.role);
  const revalidator = useRevalidator();
  const [saved, setSaved] = useState(() => readCapacities(data.members));
  const [drafts, setDrafts] = useState(() => toDrafts(readCapacities(data.members)));
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const titleId = useId();
  // Presence comes from the latest load; capacities from what this page saved (or first loaded).
  const members = sortMembers(useMembersWithOwnPresence(data.members, me.user.id));
  const defaultCapacity = findSharedDefault(data.inboxes.map((inbox) => inbox.routing.defaultCapacity));
  const defaultText = defaultCapacity === null ? 'Inbox default' : `Default (${defaultCapacity})`;

  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === 'visible' && revalidator.state === 'idle') void revalidator.revalidate();
    };
    const timer = setInterval(refresh, PRESENCE_REFRESH_MS);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [revalidator]);

  const dirtyIds = members
    .map((member) => member.userId)
    .filter((userId) => (drafts[userId] ?? '').trim() !== formatCapacity(saved[userId] ?? null));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const changes: { userId: string; capacity: number | null }[] = [];
    for (const userId of dirtyIds) {
      const parsed = parseOptionalCapacity(drafts[userId] ?? '');
      if (parsed.ok) changes.push({ userId, capacity: parsed.capacity });
      else errors[userId] = parsed.error;
    }
    setRowErrors(errors);
    if (Object.keys(errors).length > 0) {
      setSaveState({ kind: 'idle' });
      return;
    }
    setSaveState({ kind: 'saving' });
    const failures: Record<string, string> = {};
    const nextSaved = { ...saved };
    for (const change of changes) {
      try {
        const member = await updateMemberCapacity(change.userId, change.capacity);
        nextSaved[member.userId] = member.capacity;
      } catch (error) {
        failures[change.userId] = describeSaveError(error);
      }
    }
    setSaved(nextSaved);
    setDrafts((current) => {
      const next = { ...current };
      for (const change of changes)
        if (!failures[change.userId]) next[change.userId] = formatCapacity(nextSaved[change.userId] ?? null);
      return next;
    });
    setRowErrors(failures);
    const failed = Object.keys(failures).length;
    setSaveState(
      failed > 0
        ? { kind: 'error', message: `${failed} of ${changes.length} changes could not be saved.` }
        : { kind: 'saved' },
    );
  }

  const onlineCount = members.filter((member) => member.isOnline && !member.isAway).length;
  return (
    <main className="page settings">
      <SettingsHeader
        title="Members"
        lead="Everyone in this workspace, whether they are available now, and how many conversations each one takes."
      />
      <div className="settings__sections">
        <form
          className="card settings-card"
          onSubmit={handleSubmit}
          noValidate
          aria-labelledby={titleId}
          data-testid="members-card"
        >
          <div className="settings-card__header">
            <h2 className="settings-card__title" id={titleId}>
              Members
            </h2>
            <p className="settings-card__description">
              Capacity is the most open conversations routing gives someone at once. Leave it blank to use the
              inbox&rsquo;s default{defaultCapacity === null ? '' : ` (${defaultCapacity})`}. Away agents keep their
              conversations but get no new ones.
            </p>
          </div>

          <div className="table-scroll">
            <table className="members-table">
              <caption className="visually-hidden">
                Workspace members: {members.length} in all, {onlineCount} available now
              </caption>
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="members-table__capacity">
                    Capacity
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.map((member) => (
                  <MemberRow
                    key={member.userId}
                    member={member}
                    isYou={member.userId === me.user.id}
                    canEdit={canEdit}
                    draft={drafts[member.userId] ?? ''}
                    savedCapacity={saved[member.userId] ?? null}
                    defaultText={defaultText}
                    error={rowErrors[member.userId]}
                    onChange={(value) => {
                      setDrafts((current) => ({ ...current, [member.userId]: value }));
                      setRowErrors(({ [member.userId]: _, ...rest }) => rest);
                      if (saveState.kind !== 'saving') setSaveState({ kind: 'idle' });
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>

          <SaveFooter
            state={saveState}
            isDirty={dirtyIds.length > 0}
            canEdit={canEdit}
            summary={`${members.length} ${members.length === 1 ? 'member' : 'members'}, ${onlineCount} available now`}
            onDiscard={() => {
              setDrafts(toDrafts(saved));
              setRowErrors({});
              setSaveState({ kind: 'idle' });
            }}
            testId="members-save"
          />
        </form>
      </div>
    </main>
  );
}

interface MemberRowProps {
  member: Member;
  isYou: boolean;
  canEdit: boolean;
  draft: string;
  savedCapacity: number | null;
  defaultText: string;
  error: string | undefined;
  onChange(value: string): void;
}

function MemberRow({ member, isYou, canEdit, draft, savedCapacity, defaultText, error, onChange }: MemberRowProps) {
  const id = useId();
  return (
    <tr data-testid="member-row" data-user-id={member.userId}>
      <td>
        <span className="member-cell">
          <PersonLabel member={member} isYou={isYou} avatarSize="md" />
        </span>
      </td>
      <td>
        <RoleBadge role={member.role} />
      </td>
      <td>
        <PresenceBadge member={member} />
      </td>
      <td className="members-table__capacity">
        {canEdit ? (
          <>
            <label className="visually-hidden" htmlFor={id}>
              Capacity for {member.name}
            </label>
            <input
              id={id}
              className="input input--capacity"
              type="number"
              inputMode="numeric"
              min={MIN_CAPACITY}
              max={MAX_CAPACITY}
              step={1}
              value={draft}
              placeholder={defaultText}
              onChange={(event) => onChange(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              data-testid="member-capacity"
            />
            {error ? (
              <p className="field__error members-table__error" id={`${id}-error`}>
                {error}
              </p>
            ) : null}
          </>
        ) : (
          <span className={savedCapacity === null ? 'muted' : undefined} data-testid="member-capacity-text">
            {savedCapacity === null ? defaultText : savedCapacity}
          </span>
        )}
      </td>
    </tr>
  );
}

function readCapacities(members: readonly Member[]): Record<string, number | null> {
  return Object.fromEntries(members.map((member) => [member.userId, member.capacity]));
}

function toDrafts(capacities: Record<string, number | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(capacities).map(([userId, capacity]) => [userId, formatCapacity(capacity)]));
}

function formatCapacity(capacity: number | null): string {
  return capacity === null ? '' : String(capacity);
}
