import type { Invitation, Member, Role } from '@parley/api/protocol';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useLoaderData, useRevalidator } from 'react-router';
import { updateMemberCapacity } from '../api/settings-endpoints.ts';
import { useAppData } from '../app/use-app-data.ts';
import { PersonLabel, PresenceBadge } from './member-badges.tsx';
import { ActivationButton, RoleCell, useMemberAccess } from './members-access.tsx';
import { InvitationsCard } from './members-invitations-card.tsx';
import { InviteCard } from './members-invite-card.tsx';
import { canChangeActivation, canManageMembers, rolesOffered } from './members-permissions.ts';
import { findSharedDefault, sortMembers } from './people.ts';
import { canManageRouting, MAX_CAPACITY, MIN_CAPACITY, parseOptionalCapacity } from './routing-settings-form.ts';
import { describeSaveError, SaveFooter, type SaveState } from './save-footer.tsx';
import type { MembersPageData } from './settings-loaders.ts';
import { SettingsHeader } from './settings-tabs.tsx';
import { useMembersWithOwnPresence } from './use-own-presence.ts';
import './settings.css';
import './members.css';

/** How often online/away is refreshed while the page is open. */
const PRESENCE_REFRESH_MS = 20_000;

export function MembersPage() {
  const data = useLoaderData() as MembersPageData;
  const { me } = useAppData();
  const canEdit = canManageRouting(me.role);
  const canManage = canManageMembers(me.role);
  const revalidator = useRevalidator();
  const access = useMemberAccess(data.members, me.user.id);
  const [invitations, setInvitations] = useState<Invitation[]>(() => data.invitations ?? []);
  useEffect(() => {
    if (data.invitations) setInvitations(data.invitations);
  }, [data.invitations]);
  const [saved, setSaved] = useState(() => readCapacities(data.members));
  const [drafts, setDrafts] = useState(() => toDrafts(readCapacities(data.members)));
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const titleId = useId();
  // Presence comes from the latest load; capacities from what this page saved (or first loaded).
  const members = sortMembers(useMembersWithOwnPresence(access.members, me.user.id));
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

  const activeMembers = members.filter((member) => member.deactivatedAt === null);
  const activeOwnerIds = activeMembers.filter((member) => member.role === 'owner').map((member) => member.userId);
  const onlyOwnerId = activeOwnerIds.length === 1 ? activeOwnerIds[0] : undefined;
  const onlineCount = activeMembers.filter((member) => member.isOnline && !member.isAway).length;
  return (
    <main className="page settings">
      <SettingsHeader
        title="Members"
        lead="Everyone in this workspace, whether they are available now, and how many conversations each one takes."
      />
      <div className="settings__sections">
        {canManage ? (
          <>
            <InviteCard
              onInvited={({ invitation }) =>
                setInvitations((current) => [
                  invitation,
                  ...current.filter((item) => item.email.toLowerCase() !== invitation.email.toLowerCase()),
                ])
              }
            />
            <InvitationsCard
              invitations={invitations}
              onRevoked={(revoked) => setInvitations((current) => current.filter((item) => item.id !== revoked.id))}
            />
          </>
        ) : null}
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
                Workspace members: {activeMembers.length} active, {onlineCount} available now
              </caption>
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="members-table__capacity">
                    Capacity
                  </th>
                  {canManage ? (
                    <th scope="col" className="members-table__actions">
                      <span className="visually-hidden">Access</span>
                    </th>
                  ) : null}
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
                    access={
                      canManage
                        ? {
                            roles: rolesOffered(me.role, member, member.userId === onlyOwnerId),
                            canToggle: canChangeActivation(me.role, me.user.id, member),
                            isBusy: access.busyId === member.userId,
                            error: access.errors[member.userId],
                            onRoleChange: (role) => access.changeRole(member, role),
                            onToggle: () => access.askToToggle(member),
                          }
                        : null
                    }
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
            summary={`${activeMembers.length} ${activeMembers.length === 1 ? 'member' : 'members'}, ${onlineCount} available now`}
            onDiscard={() => {
              setDrafts(toDrafts(saved));
              setRowErrors({});
              setSaveState({ kind: 'idle' });
            }}
            testId="members-save"
          />
        </form>
      </div>
      {access.dialog}
      <p className="visually-hidden" role="status">
        {access.announcement}
      </p>
    </main>
  );
}

interface RowAccess {
  roles: Role[];
  canToggle: boolean;
  isBusy: boolean;
  error: string | undefined;
  onRoleChange(role: Role): void;
  onToggle(): void;
}

interface MemberRowProps {
  member: Member;
  isYou: boolean;
  canEdit: boolean;
  draft: string;
  savedCapacity: number | null;
  defaultText: string;
  error: string | undefined;
  access: RowAccess | null;
  onChange(value: string): void;
}

function MemberRow({
  member,
  isYou,
  canEdit,
  draft,
  savedCapacity,
  defaultText,
  error,
  access,
  onChange,
}: MemberRowProps) {
  const id = useId();
  const isDeactivated = member.deactivatedAt !== null;
  return (
    <tr
      className={isDeactivated ? 'members-table__row--inactive' : undefined}
      data-testid="member-row"
      data-user-id={member.userId}
      data-role={member.role}
      data-active={String(!isDeactivated)}
    >
      <td>
        <span className="member-cell">
          <PersonLabel member={member} isYou={isYou} avatarSize="md" />
        </span>
      </td>
      <td>
        <RoleCell
          member={member}
          offered={access?.roles ?? []}
          isBusy={access?.isBusy ?? false}
          error={access?.error}
          onChange={(role) => access?.onRoleChange(role)}
        />
      </td>
      <td>
        {isDeactivated ? (
          <span className="badge badge--neutral" data-testid="member-deactivated">
            Deactivated
          </span>
        ) : (
          <PresenceBadge member={member} />
        )}
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
      {access ? (
        <td className="members-table__actions">
          {access.canToggle ? <ActivationButton member={member} onClick={access.onToggle} /> : null}
        </td>
      ) : null}
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
