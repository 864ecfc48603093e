import type { Member, Role } from '@parley/api/protocol';
import { useEffect, useId, useState } from 'react';
import { Spinner } from '../ui/spinner.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { RoleBadge } from './member-badges.tsx';
import { changeMemberRole, setMemberActive } from './members-api.ts';
import { ROLE_LABELS } from './people.ts';
import { describeSaveError } from './save-footer.tsx';

type AccessChange = Pick<Member, 'role' | 'deactivatedAt'>;

/**
 * Role changes and deactivation of the members screen. What this page changed is shown at once and kept
 * over an older load (the page refreshes presence every 20 s); a newer load that agrees replaces it.
 */
export function useMemberAccess(loaded: readonly Member[], myUserId: string) {
  const [changes, setChanges] = useState<Record<string, AccessChange>>({});
  const [busyId, setBusyId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState<Member | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    setChanges((current) => {
      const kept = Object.entries(current).filter(([userId, change]) => {
        const member = loaded.find((m) => m.userId === userId);
        return member && (member.role !== change.role || member.deactivatedAt !== change.deactivatedAt);
      });
      return kept.length === Object.keys(current).length ? current : Object.fromEntries(kept);
    });
  }, [loaded]);

  const members = loaded.map((member) => ({ ...member, ...changes[member.userId] }));

  function remember(member: Member) {
    setChanges((current) => ({
      ...current,
      [member.userId]: { role: member.role, deactivatedAt: member.deactivatedAt },
    }));
    setErrors(({ [member.userId]: _, ...rest }) => rest);
  }

  async function changeRole(member: Member, role: Role) {
    setBusyId(member.userId);
    try {
      const updated = await changeMemberRole(member.userId, role);
      remember(updated);
      setAnnouncement(`${member.name} is now ${ROLE_LABELS[updated.role].toLowerCase()}.`);
      // What I may do here depends on my own role: start over with it.
      if (member.userId === myUserId) window.location.reload();
    } catch (error) {
      setErrors((current) => ({ ...current, [member.userId]: describeSaveError(error) }));
    } finally {
      setBusyId(null);
    }
  }

  async function confirmActivation() {
    if (!confirming) return;
    const isActivating = confirming.deactivatedAt !== null;
    setBusyId(confirming.userId);
    setDialogError(null);
    try {
      const updated = await setMemberActive(confirming.userId, isActivating);
      remember(updated);
      setAnnouncement(`${confirming.name} ${isActivating ? 'reactivated' : 'deactivated'}.`);
      setConfirming(null);
    } catch (error) {
      setDialogError(describeSaveError(error));
    } finally {
      setBusyId(null);
    }
  }

  const dialog = confirming ? (
    <ActivationDialog
      member={confirming}
      isBusy={busyId === confirming.userId}
      error={dialogError}
      onConfirm={() => void confirmActivation()}
      onCancel={() => setConfirming(null)}
    />
  ) : null;

  return {
    members,
    busyId,
    errors,
    announcement,
    dialog,
    changeRole: (member: Member, role: Role) => void changeRole(member, role),
    askToToggle(member: Member) {
      setDialogError(null);
      setConfirming(member);
    },
  };
}

interface RoleCellProps {
  member: Member;
  offered: Role[];
  isBusy: boolean;
  error: string | undefined;
  onChange(role: Role): void;
}

/** The member's role: a select for whoever may change it, else a badge. */
export function RoleCell({ member, offered, isBusy, error, onChange }: RoleCellProps) {
  const id = useId();
  if (offered.length === 0) return <RoleBadge role={member.role} />;
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        Role of {member.name}
      </label>
      <span className="role-select">
        <select
          id={id}
          className="select select--auto"
          value={member.role}
          disabled={isBusy}
          onChange={(event) => onChange(event.target.value as Role)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          data-testid="member-role"
        >
          {offered.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
        {isBusy ? <Spinner size="sm" /> : null}
      </span>
      {error ? (
        <p className="field__error members-table__error" id={`${id}-error`} data-testid="member-role-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

export function ActivationButton({ member, onClick }: { member: Member; onClick(): void }) {
  const isDeactivated = member.deactivatedAt !== null;
  return (
    <button
      type="button"
      className="btn btn--secondary btn--sm"
      onClick={onClick}
      aria-label={`${isDeactivated ? 'Reactivate' : 'Deactivate'} ${member.name}`}
      data-testid={isDeactivated ? 'member-reactivate' : 'member-deactivate'}
    >
      {isDeactivated ? 'Reactivate' : 'Deactivate'}
    </button>
  );
}

interface ActivationDialogProps {
  member: Member;
  isBusy: boolean;
  error: string | null;
  onConfirm(): void;
  onCancel(): void;
}

function ActivationDialog({ member, isBusy, error, onConfirm, onCancel }: ActivationDialogProps) {
  const isDeactivated = member.deactivatedAt !== null;
  return (
    <ConfirmDialog
      title={isDeactivated ? `Reactivate ${member.name}?` : `Deactivate ${member.name}?`}
      confirmLabel={isDeactivated ? 'Reactivate' : 'Deactivate'}
      isBusy={isBusy}
      error={error}
      onConfirm={onConfirm}
      onCancel={onCancel}
      testId="member-activation-dialog"
    >
      {isDeactivated ? (
        <p>They can sign in again with their password and are offered conversations when they are online.</p>
      ) : (
        <p>
          {member.name} is signed out everywhere at once and cannot sign in. Their open conversations go back to the
          queue for others. Their messages and history stay. You can reactivate them later.
        </p>
      )}
    </ConfirmDialog>
  );
}
