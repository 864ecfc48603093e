import type { Member, Team } from '@parley/api/protocol';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useLoaderData } from 'react-router';
import { createTeam, deleteTeam, updateTeam } from '../api/settings-endpoints.ts';
import { useAppData } from '../app/use-app-data.ts';
import { Avatar } from '../ui/avatar.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { Field } from '../ui/field.tsx';
import { LockIcon, PlusIcon, TrashIcon, UsersIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { PersonLabel, RoleBadge } from './member-badges.tsx';
import { checkTeamName, MAX_TEAM_NAME, sortMembers, sortTeams, summarizeNames } from './people.ts';
import { canManageRouting } from './routing-settings-form.ts';
import { describeSaveError } from './save-footer.tsx';
import type { TeamsPageData } from './settings-loaders.ts';
import { SettingsHeader } from './settings-tabs.tsx';
import './settings.css';

type Editing = { kind: 'new' } | { kind: 'edit'; teamId: string } | null;

export function TeamsPage() {
  const data = useLoaderData() as TeamsPageData;
  const { me } = useAppData();
  const canEdit = canManageRouting(me.role);
  const [teams, setTeams] = useState(() => sortTeams(data.teams));
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Team | null>(null);
  const [deleteState, setDeleteState] = useState<{ isBusy: boolean; error: string | null }>({
    isBusy: false,
    error: null,
  });
  const [announcement, setAnnouncement] = useState('');
  const newButtonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [focusTeamId, setFocusTeamId] = useState<string | null>(null);
  const members = sortMembers(data.members);
  const namesById = new Map(members.map((member) => [member.userId, member.name]));
  const avatarsById = new Map(members.map((member) => [member.userId, member.avatarUrl ?? null]));

  useEffect(() => {
    if (!focusTeamId) return;
    listRef.current?.querySelector<HTMLElement>(`[data-team-id="${focusTeamId}"] [data-action="edit"]`)?.focus();
    setFocusTeamId(null);
  }, [focusTeamId]);

  function handleSaved(team: Team, isNew: boolean) {
    setTeams((current) => sortTeams([...current.filter((item) => item.id !== team.id), team]));
    setEditing(null);
    setAnnouncement(isNew ? `Team ${team.name} created.` : `Team ${team.name} saved.`);
    setFocusTeamId(team.id);
  }

  async function confirmDelete() {
    if (!deleting) return;
    setDeleteState({ isBusy: true, error: null });
    try {
      await deleteTeam(deleting.id);
      flushSync(() => {
        setTeams((current) => current.filter((team) => team.id !== deleting.id));
        setAnnouncement(`Team ${deleting.name} deleted.`);
        setDeleting(null);
        setDeleteState({ isBusy: false, error: null });
      });
      newButtonRef.current?.focus();
    } catch (error) {
      setDeleteState({ isBusy: false, error: describeSaveError(error) });
    }
  }

  const isCreating = editing?.kind === 'new';
  return (
    <main className="page settings">
      <SettingsHeader
        title="Teams"
        lead="Group agents by what they know, so routing rules can send conversations to the right people."
      />
      <div className="settings__sections">
        <section className="card settings-card" aria-labelledby="teams-title" data-testid="teams-card">
          <div className="settings-card__header settings-card__header--split">
            <div>
              <h2 className="settings-card__title" id="teams-title">
                Teams
              </h2>
              <p className="settings-card__description">
                {teams.length === 0
                  ? 'A team is a group of agents that routing rules can send conversations to.'
                  : `${teams.length} ${teams.length === 1 ? 'team' : 'teams'} in ${me.workspace.name}.`}
              </p>
            </div>
            {canEdit && teams.length > 0 ? (
              <button
                ref={newButtonRef}
                type="button"
                className="btn btn--primary btn--sm"
                onClick={() => setEditing({ kind: 'new' })}
                disabled={isCreating}
                data-testid="team-new"
              >
                <PlusIcon size={14} /> New team
              </button>
            ) : null}
          </div>

          {isCreating ? (
            <TeamEditor
              members={members}
              teams={teams}
              currentUserId={me.user.id}
              onSaved={(team) => handleSaved(team, true)}
              onCancel={() => {
                flushSync(() => setEditing(null));
                newButtonRef.current?.focus();
              }}
            />
          ) : null}

          {teams.length === 0 && !isCreating ? (
            <EmptyState
              icon={<UsersIcon size={24} />}
              title="No teams yet"
              action={
                canEdit ? (
                  <button
                    ref={newButtonRef}
                    type="button"
                    className="btn btn--primary"
                    onClick={() => setEditing({ kind: 'new' })}
                    data-testid="team-new"
                  >
                    <PlusIcon size={16} /> Create a team
                  </button>
                ) : null
              }
            >
              {canEdit
                ? 'Create one for billing questions, another for sales, and send conversations to them with routing rules.'
                : 'Owners and admins can create teams.'}
            </EmptyState>
          ) : null}

          {teams.length > 0 ? (
            <ul className="team-list" ref={listRef}>
              {teams.map((team) =>
                editing?.kind === 'edit' && editing.teamId === team.id ? (
                  <li key={team.id} className="team-list__editor">
                    <TeamEditor
                      team={team}
                      members={members}
                      teams={teams}
                      currentUserId={me.user.id}
                      onSaved={(saved) => handleSaved(saved, false)}
                      onCancel={() => {
                        setEditing(null);
                        setFocusTeamId(team.id);
                      }}
                    />
                  </li>
                ) : (
                  <li key={team.id} className="team-row" data-team-id={team.id} data-testid="team-row">
                    <span className="team-row__mark" aria-hidden="true">
                      {Array.from(team.name.trim())[0]?.toUpperCase() ?? '?'}
                    </span>
                    <span className="team-row__text">
                      <span className="team-row__name" data-testid="team-name">
                        {team.name}
                      </span>
                      <span className="team-row__members" data-testid="team-members">
                        {summarizeNames(
                          team.memberIds.map((id) => namesById.get(id)).filter((name): name is string => !!name),
                        )}
                      </span>
                    </span>
                    <span className="avatar-stack" aria-hidden="true">
                      {team.memberIds.slice(0, 4).map((id) => (
                        <Avatar
                          key={id}
                          id={id}
                          name={namesById.get(id) ?? null}
                          size="sm"
                          imageUrl={avatarsById.get(id)}
                        />
                      ))}
                    </span>
                    <span className="badge badge--neutral">
                      {team.memberIds.length} {team.memberIds.length === 1 ? 'member' : 'members'}
                    </span>
                    {canEdit ? (
                      <span className="team-row__actions">
                        <button
                          type="button"
                          className="btn btn--secondary btn--sm"
                          onClick={() => setEditing({ kind: 'edit', teamId: team.id })}
                          aria-label={`Edit ${team.name}`}
                          data-action="edit"
                          data-testid="team-edit"
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          className="icon-button icon-button--danger"
                          onClick={() => {
                            setDeleteState({ isBusy: false, error: null });
                            setDeleting(team);
                          }}
                          aria-label={`Delete ${team.name}`}
                          title="Delete"
                          data-testid="team-delete"
                        >
                          <TrashIcon size={16} />
                        </button>
                      </span>
                    ) : null}
                  </li>
                ),
              )}
            </ul>
          ) : null}

          {canEdit ? null : (
            <div className="settings-card__footer settings-card__footer--readonly">
              <span className="read-only-note">
                <LockIcon size={14} /> Only owners and admins can change teams.
              </span>
            </div>
          )}
          <p className="visually-hidden" role="status">
            {announcement}
          </p>
        </section>
      </div>

      {deleting ? (
        <ConfirmDialog
          title={`Delete ${deleting.name}?`}
          confirmLabel="Delete team"
          isBusy={deleteState.isBusy}
          error={deleteState.error}
          onConfirm={confirmDelete}
          onCancel={() => setDeleting(null)}
          testId="team-delete-dialog"
        >
          <p>
            Routing rules that send conversations to {deleting.name} are deleted with it. Conversations waiting for this
            team go to anyone who answers their inbox. Its members keep their accounts.
          </p>
        </ConfirmDialog>
      ) : null}
    </main>
  );
}

interface TeamEditorProps {
  team?: Team;
  members: Member[];
  teams: Team[];
  currentUserId: string;
  onSaved(team: Team): void;
  onCancel(): void;
}

function TeamEditor({ team, members, teams, currentUserId, onSaved, onCancel }: TeamEditorProps) {
  const [name, setName] = useState(team?.name ?? '');
  const [memberIds, setMemberIds] = useState(() => new Set(team?.memberIds ?? []));
  const [nameError, setNameError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const nameId = `${titleId}-name`;
  const focusName = () => document.getElementById(nameId)?.focus();

  // Opening the editor puts the cursor in the name (all of it selected when renaming).
  useEffect(() => {
    const input = document.getElementById(nameId);
    if (!(input instanceof HTMLInputElement)) return;
    input.focus();
    if (team) input.select();
  }, []);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = checkTeamName(name, teams, team?.id);
    if (problem) {
      setNameError(problem);
      focusName();
      return;
    }
    setIsSaving(true);
    setError(null);
    const body = { name: name.trim(), memberIds: members.filter((m) => memberIds.has(m.userId)).map((m) => m.userId) };
    try {
      onSaved(team ? await updateTeam(team.id, body) : await createTeam(body));
    } catch (caught) {
      setError(describeSaveError(caught));
      setIsSaving(false);
    }
  }

  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape' && !isSaving) {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form
      className="team-editor"
      onSubmit={handleSubmit}
      onKeyDown={handleKeyDown}
      noValidate
      aria-labelledby={titleId}
      data-testid="team-editor"
    >
      <h3 className="team-editor__title" id={titleId}>
        {team ? `Edit ${team.name}` : 'New team'}
      </h3>
      <Field
        id={nameId}
        label="Team name"
        value={name}
        placeholder="e.g. Billing"
        maxLength={MAX_TEAM_NAME + 20}
        onChange={(event) => {
          setName(event.target.value);
          setNameError(null);
        }}
        error={nameError}
        autoComplete="off"
        data-testid="team-name-input"
      />
      <fieldset className="team-editor__members">
        <legend className="field__label">Members</legend>
        <ul className="check-list check-list--compact">
          {members.map((member) => (
            <li key={member.userId}>
              <label className="check-list__item">
                <input
                  type="checkbox"
                  className="checkbox"
                  checked={memberIds.has(member.userId)}
                  onChange={(event) => {
                    const isOn = event.target.checked;
                    setMemberIds((current) => {
                      const next = new Set(current);
                      if (isOn) next.add(member.userId);
                      else next.delete(member.userId);
                      return next;
                    });
                  }}
                  data-testid="team-member"
                  data-user-id={member.userId}
                />
                <PersonLabel member={member} isYou={member.userId === currentUserId} />
                <RoleBadge role={member.role} />
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="team-editor__actions">
        <button type="button" className="btn btn--ghost" onClick={onCancel} disabled={isSaving}>
          Cancel
        </button>
        <button type="submit" className="btn btn--primary" disabled={isSaving} data-testid="team-save">
          {isSaving ? <Spinner size="sm" /> : null}
          {team ? 'Save team' : 'Create team'}
        </button>
      </div>
    </form>
  );
}
